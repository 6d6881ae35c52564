package landwatch.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The deadline beans. Settings and holiday files are validated here, at start, so a bad one stops
 * the application instead of the first timer computed from it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
class DeadlineConfiguration {

  @Bean
  MonthlyDeadlines monthlyDeadlines(DeadlineProperties properties) {
    return new MonthlyDeadlines(
        properties.countyDay(), properties.provinceDay(), properties.zone());
  }

  /**
   * Next year's schedule is a file an operator adds ({@code
   * file:/etc/landwatch/holidays-2027.json}).
   */
  @Bean
  HolidayCalendar holidayCalendar(DeadlineProperties properties, ResourceLoader resources) {
    List<HolidayCalendar> calendars = new ArrayList<>();
    for (String location : properties.holidays()) {
      Resource resource = resources.getResource(location);
      if (!resource.exists()) {
        throw new DeadlineConfigurationException("holiday calendar " + location + " not found");
      }
      try (InputStream json = resource.getInputStream()) {
        calendars.add(HolidayCalendar.load(json, location));
      } catch (IOException e) {
        throw new DeadlineConfigurationException(
            "holiday calendar " + location + " cannot be read", e);
      }
    }
    return HolidayCalendar.combine(calendars);
  }

  @Bean
  WorkingDays workingDays(HolidayCalendar calendar, DeadlineProperties properties) {
    return new WorkingDays(calendar, properties.zone());
  }

  @Bean
  CorrectionDeadlines correctionDeadlines(WorkingDays workingDays, DeadlineProperties properties) {
    return new CorrectionDeadlines(workingDays, properties.correctionWorkingDays());
  }
}
