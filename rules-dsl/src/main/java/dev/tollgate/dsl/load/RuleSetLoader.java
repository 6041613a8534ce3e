package dev.tollgate.dsl.load;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.RuleFile;
import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.diag.SourceFiles;
import dev.tollgate.dsl.parser.RuleParser;
import dev.tollgate.dsl.plan.TablePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a rule set from disk: every {@code .rule} file under the given paths (directories walked
 * recursively, files sorted so the order never depends on the file system) and the data files
 * they name. Problems become diagnostics; nothing is thrown for bad input.
 */
public final class RuleSetLoader {
  private final Diagnostics diagnostics;
  private final SourceFiles sources;
  private final Path workingDirectory;

  /**
   * @param workingDirectory paths under it are shown relative to it in diagnostics
   */
  public RuleSetLoader(Diagnostics diagnostics, SourceFiles sources, Path workingDirectory) {
    this.diagnostics = diagnostics;
    this.sources = sources;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** Loads and parses every rule file under {@code paths}, and their data files. */
  public LoadedRuleSet load(List<Path> paths) {
    List<Path> ruleFiles = collect(paths);
    List<RuleFile> parsed = new ArrayList<>();
    Map<Declaration.ListDecl, List<String>> lists = new HashMap<>();
    Map<Declaration.TableDecl, TablePlan> tables = new HashMap<>();
    for (Path file : ruleFiles) {
      String display = display(file);
      String text = read(file, display);
      if (text == null) {
        continue;
      }
      sources.add(display, text);
      RuleFile ruleFile = RuleParser.parse(display, text, diagnostics);
      parsed.add(ruleFile);
      loadData(file, ruleFile, lists, tables);
    }
    return new LoadedRuleSet(parsed, lists, tables);
  }

  /** Parses rule text that is not on disk (tests, tools); data files resolve against {@code base}. */
  public LoadedRuleSet loadText(String display, String text, Path base) {
    sources.add(display, text);
    RuleFile ruleFile = RuleParser.parse(display, text, diagnostics);
    Map<Declaration.ListDecl, List<String>> lists = new HashMap<>();
    Map<Declaration.TableDecl, TablePlan> tables = new HashMap<>();
    loadData(base.resolve(display), ruleFile, lists, tables);
    return new LoadedRuleSet(List.of(ruleFile), lists, tables);
  }

  private void loadData(Path ruleFile, RuleFile parsed, Map<Declaration.ListDecl, List<String>> lists,
      Map<Declaration.TableDecl, TablePlan> tables) {
    Path dir = ruleFile.toAbsolutePath().getParent();
    DataFileReader reader = new DataFileReader(diagnostics);
    for (Declaration declaration : parsed.declarations()) {
      if (declaration instanceof Declaration.ListDecl list && list.file().isPresent()) {
        Path data = dir.resolve(list.file().get().value()).normalize();
        String text = readData(data, list.file().get());
        if (text != null) {
          lists.put(list, reader.list(display(data), text));
        }
      } else if (declaration instanceof Declaration.TableDecl table) {
        Path data = dir.resolve(table.file().value()).normalize();
        String text = readData(data, table.file());
        if (text != null) {
          TablePlan loaded = reader.table(display(data), text, table);
          if (loaded != null) {
            tables.put(table, loaded);
          }
        }
      }
    }
  }

  private String readData(Path data, dev.tollgate.dsl.ast.Expression.StringLiteral named) {
    if (!Files.isRegularFile(data)) {
      diagnostics.error(named.span(), "data file not found: " + display(data));
      return null;
    }
    String text = read(data, display(data));
    if (text != null) {
      sources.add(display(data), text);
    }
    return text;
  }

  private String read(Path file, String display) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      diagnostics.add(dev.tollgate.dsl.diag.Diagnostic.errorAtLine(display, 0, "not valid UTF-8 text"));
    } catch (IOException e) {
      diagnostics.add(dev.tollgate.dsl.diag.Diagnostic.errorAtLine(display, 0, "cannot read: " + e.getMessage()));
    }
    return null;
  }

  private List<Path> collect(List<Path> paths) {
    // Sorted and de-duplicated: the same rule set always loads in the same order.
    TreeSet<Path> files = new TreeSet<>();
    for (Path path : paths) {
      Path absolute = path.toAbsolutePath().normalize();
      if (Files.isDirectory(absolute)) {
        try (Stream<Path> walk = Files.walk(absolute)) {
          walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".rule")).forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          diagnostics.add(dev.tollgate.dsl.diag.Diagnostic.errorAtLine(display(absolute), 0, "cannot read directory: " + e.getMessage()));
        }
      } else if (Files.isRegularFile(absolute)) {
        files.add(absolute);
      } else {
        diagnostics.add(dev.tollgate.dsl.diag.Diagnostic.errorAtLine(display(absolute), 0, "no such file or directory"));
      }
    }
    return new ArrayList<>(files);
  }

  /** How diagnostics name a file: relative to the working directory when under it. */
  String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }
}
