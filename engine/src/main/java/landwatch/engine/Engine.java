package landwatch.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.clock.ClockCommands;
import landwatch.engine.decision.DecisionCommands;
import landwatch.engine.deployment.DeploymentCommand;
import landwatch.engine.deployment.ResourceParser;
import landwatch.engine.dmn.DecisionEngine;
import landwatch.engine.dmn.DecisionModels;
import landwatch.engine.document.Documents;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.incident.IncidentCommands;
import landwatch.engine.job.JobActivator;
import landwatch.engine.job.JobCommands;
import landwatch.engine.job.JobDeadlines;
import landwatch.engine.message.MessageCorrelation;
import landwatch.engine.message.MessageExpiry;
import landwatch.engine.model.ExecutableProcess;
import landwatch.engine.processing.EngineClock;
import landwatch.engine.processing.StreamProcessor;
import landwatch.engine.processinstance.ProcessInstanceCommands;
import landwatch.engine.processinstance.ProcessInstanceMigration;
import landwatch.engine.processinstance.ProcessInstanceModification;
import landwatch.engine.processinstance.ProcessInstanceResults;
import landwatch.engine.processinstance.VariableCommands;
import landwatch.engine.retention.Housekeeping;
import landwatch.engine.retention.Retention;
import landwatch.engine.state.DeployedProcess;
import landwatch.engine.state.ProcessModels;
import landwatch.engine.state.StateStore;
import landwatch.engine.state.VariableDocumentLimits;
import landwatch.engine.timer.TimerTrigger;
import landwatch.engine.usertask.UserTaskCommands;

/**
 * The embedded engine without Spring: the single writer, the BPMN processors and the commands the
 * REST API sends it. Started once its schema is migrated; its state is loaded from the tables.
 */
public final class Engine implements AutoCloseable {

  public final EngineClock clock = new EngineClock();
  public final FeelEvaluator feel;
  public final ResourceParser parser;

  /** What a variable document may amount to, on the way in and out. */
  public final VariableDocumentLimits variableLimits;

  public final StreamProcessor writer;
  public final BpmnEngine bpmn;
  public final MessageCorrelation messages;
  public final DeploymentCommand deployments;
  public final ProcessInstanceCommands processInstances;
  public final ProcessInstanceResults results;
  public final JobCommands jobs;
  public final JobActivator activator;
  public final IncidentCommands incidents;
  public final VariableCommands variables;
  public final ProcessInstanceModification modifications;
  public final ProcessInstanceMigration migrations;
  public final ClockCommands clocks = new ClockCommands();
  public final DecisionCommands decisions;

  /** The DMN engine, and the parsed graphs of deployed decisions, on demand. */
  public final DecisionEngine dmn;

  public final DecisionModels decisionModels;

  /** Uploaded documents, beside the engine's state (not through the writer). */
  public final Documents documents;

  /** What of the record log and the history is kept, and for how long. */
  public final Retention retention;

  private final Housekeeping housekeeping;
  public final UserTaskCommands userTasks;

  /**
   * Deployed versions for readers outside the writer (names in search results): metadata, models
   * through {@link #models}.
   */
  public final Map<Long, DeployedProcess> definitions = new ConcurrentHashMap<>();

  /** The parsed models of deployed versions, on demand: see {@link ProcessModels}. */
  public final ProcessModels models;

  private final DataSource dataSource;

  public Engine(DataSource dataSource, EngineProperties properties) {
    this.dataSource = dataSource;
    EngineProperties.Limits limits = properties.limits();
    feel = new FeelEvaluator(clock::zonedNow, properties.feel().evaluationBudget());
    dmn = new DecisionEngine(clock::zonedNow);
    parser = new ResourceParser(feel, dmn);
    variableLimits =
        new VariableDocumentLimits(
            limits.maxVariableDocumentSize().toBytes(), limits.maxVariableDepth());
    models = new ProcessModels(properties.models().cacheSize().toBytes(), this::loadModel);
    writer =
        new StreamProcessor(
            dataSource,
            models,
            clock,
            properties.commandQueueCapacity(),
            properties.commandTimeout());
    // the same bound as the process models', counted the same way (source bytes)
    decisionModels =
        new DecisionModels(properties.models().cacheSize().toBytes(), this::loadDecisions);
    BpmnContext ctx = new BpmnContext(writer, feel, variableLimits, limits, dmn, decisionModels);
    bpmn = new BpmnEngine(ctx);
    messages = new MessageCorrelation(ctx, bpmn.behaviors.events(), bpmn.behaviors.creation());
    bpmn.behaviors.subscriptions().onMessageSubscriptionOpened(messages::correlateBuffered);
    bpmn.addListener(messages);
    JobDeadlines deadlines = new JobDeadlines(type -> bpmn.behaviors.jobs().notifyAvailable(type));
    activator =
        new JobActivator(
            writer,
            bpmn.behaviors,
            deadlines,
            variableLimits,
            limits.maxActivationResponseSize().toBytes());
    bpmn.behaviors.jobs().onJobsAvailable(activator::jobsAvailable);
    results = new ProcessInstanceResults(ctx);
    bpmn.addListener(results);
    deployments =
        new DeploymentCommand(new DeploymentCommand.TimerStartEvents(feel), models, decisionModels);
    decisions = new DecisionCommands(bpmn);
    processInstances = new ProcessInstanceCommands(bpmn);
    jobs = new JobCommands(bpmn, deadlines);
    incidents = new IncidentCommands(bpmn);
    variables = new VariableCommands(bpmn);
    modifications = new ProcessInstanceModification(bpmn);
    migrations = new ProcessInstanceMigration(bpmn);
    userTasks = new UserTaskCommands(bpmn, ctx);
    migrations.addMigratedState(userTasks::migrated);
    writer.register(new TimerTrigger(bpmn));
    writer.register(deadlines);
    writer.register(new MessageExpiry(messages));
    writer.register(activator);
    writer.register(results);
    documents = new Documents(dataSource, clock, properties.documents());
    retention = new Retention(dataSource, clock, properties.retention());
    int chunkSize = properties.retention().chunkSize();
    housekeeping =
        new Housekeeping(
            properties.retention().interval(),
            List.of(retention::run, () -> documents.deleteExpired(chunkSize)));
  }

  /**
   * The stored content of a resource (a BPMN resource for {@link DeployedProcess#resourceKey()}),
   * or null.
   */
  public byte[] resource(long resourceKey) {
    try (Connection c = dataSource.getConnection()) {
      return StateStore.resource(c, resourceKey);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read resource " + resourceKey, e);
    }
  }

  /**
   * A cache miss: the version's stored resource, parsed; it weighs its share of the resource's
   * bytes.
   */
  private ProcessModels.Loaded loadModel(DeployedProcess process) {
    byte[] resource = resource(process.resourceKey());
    if (resource == null) {
      throw new IllegalStateException("the stored resource of " + process + " is missing");
    }
    List<ExecutableProcess> processes = parser.parseBpmn(process.resourceName(), resource);
    ExecutableProcess executable =
        processes.stream()
            .filter(p -> p.bpmnProcessId.equals(process.bpmnProcessId()))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("the stored resource of " + process + " lacks it"));
    return new ProcessModels.Loaded(executable, resource.length / processes.size());
  }

  /** A decision cache miss: the stored DMN resource, parsed again. */
  private DecisionModels.Loaded loadDecisions(long decisionRequirementsKey) {
    byte[] resource = resource(decisionRequirementsKey);
    if (resource == null) {
      throw new IllegalStateException(
          "the stored DMN resource " + decisionRequirementsKey + " is missing");
    }
    return new DecisionModels.Loaded(dmn.parse(resource), resource.length);
  }

  public void start() {
    writer.start(
        state ->
            state
                .deployments()
                .processVersions()
                .forEach(versions -> versions.values().forEach(p -> definitions.put(p.key(), p))));
    housekeeping.start();
  }

  /**
   * Stops the housekeeping, then the writer (abandoning a running evaluation and answering what
   * waits), then FEEL's thread.
   */
  @Override
  public void close() {
    housekeeping.close();
    writer.close();
    feel.close();
  }
}
