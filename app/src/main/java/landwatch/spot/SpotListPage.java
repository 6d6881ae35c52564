package landwatch.spot;

import java.util.List;

record SpotListPage(List<SpotListItem> items, long total, int page, int size) {}
