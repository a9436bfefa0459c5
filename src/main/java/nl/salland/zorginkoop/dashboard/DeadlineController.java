package nl.salland.zorginkoop.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.salland.zorginkoop.dashboard.DeadlineBoard.DeadlineRow;
import nl.salland.zorginkoop.dashboard.DeadlineBoard.Escalation;
import nl.salland.zorginkoop.dashboard.DeadlineBoard.SectorSummary;
import nl.salland.zorginkoop.dashboard.DeadlineBoard.Snapshot;
import nl.salland.zorginkoop.dashboard.DeadlineBoard.StepCount;
import nl.salland.zorginkoop.dashboard.ProcurementTimeline.Milestone;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' deadline data: {@code GET /api/deadlines} (JSON, documented in README.md) and
 * {@code GET /api/deadlines.csv} (the deadline list for a spreadsheet). Same filters for both.
 */
@RestController
public class DeadlineController {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final DeadlineBoard board;
  private final ProcurementTimeline timeline;

  public DeadlineController(DeadlineBoard board, ProcurementTimeline timeline) {
    this.board = board;
    this.timeline = timeline;
  }

  public record Board(OffsetDateTime now, Map<String, Object> filters, List<SectorSummary> sectors,
      List<DeadlineRow> deadlines, List<Escalation> escalations, List<StepCount> steps, int contractYear,
      List<Milestone> timeline) {
  }

  @GetMapping(path = "/api/deadlines", produces = MediaType.APPLICATION_JSON_VALUE)
  public Board deadlines(@RequestParam(required = false) String sector,
      @RequestParam(required = false) String provider, @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer weeks, @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer contractYear) {
    DeadlineFilter filter = DeadlineFilter.of(sector, provider, status, weeks, limit, now());
    int year = contractYear != null ? contractYear : filter.now().getYear() + 1;
    Map<String, Object> filters = new java.util.LinkedHashMap<>();
    filters.put("sector", filter.sector());
    filters.put("provider", filter.provider());
    filters.put("status", filter.states());
    filters.put("weeks", filter.weeks());
    filters.put("limit", filter.limit());
    Snapshot snapshot = board.snapshot(filter);
    return new Board(filter.now(), filters, snapshot.sectors(), snapshot.deadlines(), snapshot.escalations(),
        snapshot.steps(), year, timeline.milestones(filter.sector(), year));
  }

  @GetMapping(path = "/api/deadlines.csv", produces = "text/csv")
  public ResponseEntity<byte[]> csv(@RequestParam(required = false) String sector,
      @RequestParam(required = false) String provider, @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer weeks, @RequestParam(required = false) Integer limit) {
    DeadlineFilter filter = DeadlineFilter.of(sector, provider, status, weeks, limit, now());
    StringBuilder csv = new StringBuilder("\uFEFF"); // byte order mark: Excel then reads UTF-8
    csv.append("Status;Uren te laat;Deadline;Onderdeel;Zaak;AGB-code;Zorgaanbieder;Sector;Contractjaar;Proces\r\n");
    for (DeadlineRow row : board.deadlines(filter)) {
      csv.append(List.of(row.state().label(), String.valueOf(row.hoursLate()),
              CSV_TIME.format(row.dueAt().atZoneSameInstant(AMSTERDAM)), row.label(), nullToEmpty(row.businessKey()),
              row.agbCode(), nullToEmpty(row.providerName()), sectorLabel(row.sector()),
              row.contractYear() == null ? "" : row.contractYear().toString(), row.processKey())
          .stream().map(DeadlineController::cell).collect(Collectors.joining(";"))).append("\r\n");
    }
    String fileName = "zorginkoop-deadlines-" + filter.now().toLocalDate() + ".csv";
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(AMSTERDAM).toOffsetDateTime();
  }

  private static String sectorLabel(String sector) {
    return sector == null ? "" : Sector.parse(sector).map(Sector::label).orElse(sector);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  /** Quotes a cell when it holds the separator, a quote or a line break; neutralises spreadsheet formulas. */
  static String cell(String value) {
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    if (safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
