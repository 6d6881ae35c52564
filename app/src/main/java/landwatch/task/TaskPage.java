package landwatch.task;

import java.util.List;

public record TaskPage(List<TaskItem> items, long total, int page, int size) {}
