package landwatch.layer;

import java.io.IOException;
import java.util.List;
import landwatch.spatial.ImportProgress;
import landwatch.user.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/layers")
class LayerController {

  private final LayerImportService imports;
  private final LayerStore store;
  private final ImportProgress importProgress;

  LayerController(LayerImportService imports, LayerStore store, ImportProgress importProgress) {
    this.imports = imports;
    this.store = store;
    this.importProgress = importProgress;
  }

  /** Reference data of the whole province, like the region tree: every signed-in user reads it. */
  @GetMapping
  List<LayerVersion> versions() {
    return store.versions();
  }

  @PostMapping(path = "/{layerClass}", consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.CREATED)
  LayerImport upload(
      @PathVariable String layerClass,
      @RequestParam("year") int year,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String progress)
      throws IOException {
    if (year < 1990 || year > 2100) {
      throw badRequest("调查年度无效 / invalid survey year: " + year);
    }
    LayerClass parsed = parse(layerClass);
    byte[] content = file.getBytes();
    String user = CurrentUser.get().username();
    return importProgress.track(
        progress,
        user,
        tracker ->
            imports.importLayer(parsed, year, file.getOriginalFilename(), content, user, tracker));
  }

  private static LayerClass parse(String layerClass) {
    try {
      return LayerClass.valueOf(layerClass);
    } catch (IllegalArgumentException e) {
      throw badRequest("未知的图层类别 / unknown layer class: " + layerClass);
    }
  }

  private static ErrorResponseException badRequest(String detail) {
    return new ErrorResponseException(
        HttpStatus.BAD_REQUEST,
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail),
        null);
  }
}
