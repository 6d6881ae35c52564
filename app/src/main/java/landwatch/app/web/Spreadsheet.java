package landwatch.app.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A list as offices take it away: an .xlsx with a title, the filters it was drawn with, Chinese
 * column headers and the rows, streamed (SXSSF keeps a window of rows in memory, not the sheet), so
 * a province's list does not have to fit in the heap.
 */
public final class Spreadsheet {

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /** Writes the rows as they come; a row's cells are text, numbers, dates or empty (null). */
  @FunctionalInterface
  public interface Rows {
    void each(RowSink sink);
  }

  @FunctionalInterface
  public interface RowSink {
    void row(List<?> cells);
  }

  private Spreadsheet() {}

  /**
   * @param title the sheet's first line, e.g. 批次 12 各区县进度
   * @param filters one line saying what the rows were selected by, e.g. 筛选：区县 兴庆区
   */
  public static ResponseEntity<StreamingResponseBody> download(
      String fileName, String title, String filters, List<String> headers, Rows rows) {
    StreamingResponseBody body = out -> write(out, title, filters, headers, rows);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }

  static void write(OutputStream out, String title, String filters, List<String> headers, Rows rows)
      throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try {
      Sheet sheet = workbook.createSheet(safeSheetName(title));
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle heading = workbook.createCellStyle();
      heading.setFont(bold);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      int[] next = {0};
      Row titleRow = sheet.createRow(next[0]++);
      titleRow.createCell(0).setCellValue(title);
      titleRow.getCell(0).setCellStyle(heading);
      sheet.createRow(next[0]++).createCell(0).setCellValue(filters);
      Row header = sheet.createRow(next[0]++);
      for (int i = 0; i < headers.size(); i++) {
        header.createCell(i).setCellValue(headers.get(i));
        header.getCell(i).setCellStyle(heading);
      }
      rows.each(
          cells -> {
            Row row = sheet.createRow(next[0]++);
            for (int i = 0; i < cells.size(); i++) {
              Object value = cells.get(i);
              if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
              } else if (value instanceof LocalDate day) {
                row.createCell(i).setCellValue(day);
                row.getCell(i).setCellStyle(date);
              } else if (value instanceof Boolean flag) {
                row.createCell(i).setCellValue(flag ? "是" : "否");
              } else if (value != null) {
                row.createCell(i).setCellValue(value.toString());
              }
            }
          });
      workbook.write(out);
    } finally {
      workbook.close();
    }
  }

  /** Excel refuses sheet names over 31 characters or with []:*?/\\. */
  private static String safeSheetName(String title) {
    String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
    return name.length() > 31 ? name.substring(0, 31) : name;
  }
}
