package landwatch.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main classes of sibling modules, read from their build output: modules share package names,
 * so a module is known by its compiled classes, not by package.
 */
final class CompiledModules {

  private CompiledModules() {}

  static JavaClasses of(String... modules) {
    List<Path> paths = new ArrayList<>();
    for (String module : modules) {
      Path classes = Path.of("..", module, "target", "classes");
      if (!Files.isDirectory(classes)) {
        throw new IllegalStateException(
            "compile the " + module + " module first: " + classes.toAbsolutePath());
      }
      paths.add(classes);
    }
    return new ClassFileImporter().importPaths(paths);
  }
}
