package landwatch.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The public holidays (法定节假日) and make-up working days (调休上班日) of the years the State Council has
 * published, read from one JSON file per year (see {@code calendar/holidays-2026.json}):
 *
 * <pre>{@code
 * {"calendar": "holidays", "year": 2026, "source": "...",
 *  "holidays": [{"name": "春节", "from": "2026-02-15", "to": "2026-02-23"}],
 *  "workingDays": [{"name": "春节", "date": "2026-02-14"}]}
 * }</pre>
 *
 * <p>{@code from}–{@code to} is the whole holiday as announced, weekends inside it included. A file
 * covers its {@code year}; its dates may reach a week into the neighbouring years (a New Year's
 * holiday may begin on 30 December), anything further is taken for a typo. A make-up working day
 * must be a Saturday or Sunday, and no day may be both a holiday and a working day.
 */
public final class HolidayCalendar {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FILE_KEYS =
      Set.of("calendar", "year", "source", "holidays", "workingDays");
  private static final Set<String> HOLIDAY_KEYS = Set.of("name", "from", "to");
  private static final Set<String> WORKING_DAY_KEYS = Set.of("name", "date");
  private static final int DAYS_BEYOND_YEAR = 7;

  private final Set<Integer> years;
  private final Map<LocalDate, String> holidays;
  private final Map<LocalDate, String> workingDays;

  private HolidayCalendar(
      Set<Integer> years, Map<LocalDate, String> holidays, Map<LocalDate, String> workingDays) {
    this.years = Set.copyOf(years);
    this.holidays = Map.copyOf(holidays);
    this.workingDays = Map.copyOf(workingDays);
  }

  public static HolidayCalendar fromClasspath(String resource) {
    try (InputStream in = HolidayCalendar.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new DeadlineConfigurationException(
            "holiday calendar " + resource + " not found on the classpath");
      }
      return load(in, resource);
    } catch (IOException e) {
      throw new DeadlineConfigurationException(
          "holiday calendar " + resource + " cannot be read", e);
    }
  }

  public static HolidayCalendar load(InputStream json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new DeadlineConfigurationException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new DeadlineConfigurationException(source + ": expected a JSON object");
    }
    onlyKeys(root, FILE_KEYS, source);
    if (!"holidays".equals(root.path("calendar").asText())) {
      throw new DeadlineConfigurationException(source + ": \"calendar\" must be \"holidays\"");
    }
    JsonNode yearNode = root.path("year");
    if (!yearNode.isInt() || yearNode.intValue() < 2000 || yearNode.intValue() > 2100) {
      throw new DeadlineConfigurationException(source + ": \"year\" must be a year such as 2026");
    }
    int year = yearNode.intValue();
    text(root, "source", source);

    Map<LocalDate, String> holidays = new TreeMap<>();
    int index = 0;
    for (JsonNode node : array(root, "holidays", source)) {
      String where = source + " holidays[" + index++ + "]";
      onlyKeys(node, HOLIDAY_KEYS, where);
      String name = text(node, "name", where);
      LocalDate from = date(node, "from", year, where);
      LocalDate to = date(node, "to", year, where);
      if (to.isBefore(from)) {
        throw new DeadlineConfigurationException(
            where + ": \"to\" " + to + " is before \"from\" " + from);
      }
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        if (holidays.putIfAbsent(day, name) != null) {
          throw new DeadlineConfigurationException(
              where + ": " + day + " is already a holiday (" + holidays.get(day) + ")");
        }
      }
    }
    Map<LocalDate, String> workingDays = new TreeMap<>();
    index = 0;
    for (JsonNode node : array(root, "workingDays", source)) {
      String where = source + " workingDays[" + index++ + "]";
      onlyKeys(node, WORKING_DAY_KEYS, where);
      String name = text(node, "name", where);
      LocalDate day = date(node, "date", year, where);
      if (!isWeekend(day)) {
        throw new DeadlineConfigurationException(
            where
                + ": "
                + day
                + " is a "
                + day.getDayOfWeek()
                + ", a working day anyway: a make-up working day (调休上班日) is a Saturday or Sunday");
      }
      if (holidays.containsKey(day)) {
        throw new DeadlineConfigurationException(
            where + ": " + day + " is also a holiday (" + holidays.get(day) + ")");
      }
      if (workingDays.putIfAbsent(day, name) != null) {
        throw new DeadlineConfigurationException(where + ": " + day + " is listed twice");
      }
    }
    return new HolidayCalendar(Set.of(year), holidays, workingDays);
  }

  /**
   * One calendar of several years' files; a year given twice or a day they disagree on is refused.
   */
  public static HolidayCalendar combine(Collection<HolidayCalendar> calendars) {
    Set<Integer> years = new TreeSet<>();
    Map<LocalDate, String> holidays = new HashMap<>();
    Map<LocalDate, String> workingDays = new HashMap<>();
    for (HolidayCalendar calendar : calendars) {
      for (int year : calendar.years) {
        if (!years.add(year)) {
          throw new DeadlineConfigurationException(
              "two holiday calendars for " + year + "; configure one file per year");
        }
      }
      holidays.putAll(calendar.holidays);
      workingDays.putAll(calendar.workingDays);
    }
    for (LocalDate day : holidays.keySet()) {
      if (workingDays.containsKey(day)) {
        throw new DeadlineConfigurationException(
            day + " is a holiday in one calendar and a working day in another");
      }
    }
    return new HolidayCalendar(years, holidays, workingDays);
  }

  public Set<Integer> years() {
    return new TreeSet<>(years);
  }

  public boolean covers(int year) {
    return years.contains(year);
  }

  /**
   * Monday to Friday unless a holiday, Saturday and Sunday only when a make-up working day.
   *
   * @throws CalendarNotCoveredException for a day of a year no configured file covers
   */
  public boolean isWorkingDay(LocalDate day) {
    if (!covers(day.getYear())) {
      throw new CalendarNotCoveredException(day.getYear());
    }
    if (holidays.containsKey(day)) {
      return false;
    }
    return !isWeekend(day) || workingDays.containsKey(day);
  }

  /** The holiday's name (春节, 国庆节) on a holiday. */
  public Optional<String> holidayOn(LocalDate day) {
    return Optional.ofNullable(holidays.get(day));
  }

  public Set<LocalDate> holidays() {
    return new TreeSet<>(holidays.keySet());
  }

  public Set<LocalDate> makeUpWorkingDays() {
    return new TreeSet<>(workingDays.keySet());
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static LocalDate date(JsonNode node, String field, int year, String where) {
    LocalDate earliest = LocalDate.of(year, 1, 1).minusDays(DAYS_BEYOND_YEAR);
    LocalDate latest = LocalDate.of(year, 12, 31).plusDays(DAYS_BEYOND_YEAR);
    String value = text(node, field, where);
    LocalDate day;
    try {
      day = LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw new DeadlineConfigurationException(
          where + ": \"" + field + "\" must be a date such as 2026-10-01, not \"" + value + "\"");
    }
    if (day.isBefore(earliest) || day.isAfter(latest)) {
      throw new DeadlineConfigurationException(
          where + ": " + day + " lies outside the file's year (" + year + ")");
    }
    return day;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new DeadlineConfigurationException(where + ": \"" + field + "\" must be a text");
    }
    return value.textValue();
  }

  private static Iterable<JsonNode> array(JsonNode root, String field, String where) {
    JsonNode value = root.get(field);
    if (value == null || !value.isArray()) {
      throw new DeadlineConfigurationException(where + ": \"" + field + "\" must be an array");
    }
    return value;
  }

  private static void onlyKeys(JsonNode node, Set<String> allowed, String where) {
    if (!node.isObject()) {
      throw new DeadlineConfigurationException(where + ": expected an object");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new DeadlineConfigurationException(
            where + ": unknown key \"" + name + "\" (allowed: " + new TreeSet<>(allowed) + ")");
      }
    }
  }
}
