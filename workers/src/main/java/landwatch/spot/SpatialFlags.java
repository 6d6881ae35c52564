package landwatch.spot;

/** The yes/no answers a process model routes on. */
public record SpatialFlags(
    boolean occupiesBasicFarmland,
    boolean occupiesCultivatedLand,
    boolean inEcologicalRedLine,
    boolean outsideUrbanBoundary,
    boolean coveredByApprovedUse) {}
