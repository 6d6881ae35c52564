package landwatch.region;

public enum RegionLevel {
  PROVINCE,
  CITY,
  COUNTY
}
