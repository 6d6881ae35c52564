package landwatch.region;

import java.io.Serializable;

/**
 * One administrative unit.
 *
 * @param parentCode null only for the province
 * @param localCode true where the unit has no GB/T 2260 code (宁东)
 */
public record Region(
    String code, String name, RegionLevel level, String parentCode, boolean localCode)
    implements Serializable {}
