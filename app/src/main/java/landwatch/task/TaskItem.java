package landwatch.task;

import java.util.List;

/**
 * One open task as the tasklist shows it: what to do, on which spot, by when.
 *
 * @param spotCode the spot's monitoring code; null for a task on an extension application
 * @param extensionId the extension application's id; null for a task on a spot
 * @param kind the model's element id ({@code verify}, {@code judge}, {@code city-review}…)
 * @param name the model's label, in Chinese
 * @param dueDate the ISO date-time it becomes overdue, null when the task has none
 * @param dueDay the last day to do it, in the deadline calendar's zone
 * @param daysLeft whole days from today to the last day in that zone (0: today is the last day),
 *     negative once it passed; null without a due date
 */
public record TaskItem(
    long key,
    String kind,
    String name,
    long processInstanceKey,
    String spotCode,
    Long extensionId,
    String regionCode,
    String regionName,
    Long batchId,
    String creationDate,
    String dueDate,
    String dueDay,
    Long daysLeft,
    boolean overdue,
    String assignee,
    List<String> candidateGroups) {}
