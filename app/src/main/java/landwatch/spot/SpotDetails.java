package landwatch.spot;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A spot as issued and stored ({@code GET /api/spots/{code}}), including the geometry repairs made
 * on import, so that nobody wonders why its shape differs from the Ministry's file.
 */
public record SpotDetails(
    String monitoringCode,
    long batchId,
    int featureIndex,
    String regionCode,
    String changeType,
    BigDecimal reportedAreaMu,
    BigDecimal areaMu,
    LocalDate imageryBefore,
    LocalDate imageryAfter,
    JsonNode attributes,
    JsonNode repairs) {}
