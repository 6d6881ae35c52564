package landwatch.batch;

import java.io.IOException;
import java.security.Principal;
import landwatch.app.web.Uploader;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/batches")
class BatchController {

  private final BatchImportService imports;

  BatchController(BatchImportService imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.CREATED)
  BatchImport upload(@RequestParam("file") MultipartFile file, Principal principal)
      throws IOException {
    return imports.importBatch(file.getOriginalFilename(), file.getBytes(), Uploader.of(principal));
  }
}
