package landwatch.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.BpmnEngine;
import landwatch.engine.command.DeploymentCommand;
import landwatch.engine.command.IncidentCommands;
import landwatch.engine.command.JobActivator;
import landwatch.engine.command.JobCommands;
import landwatch.engine.command.JobDeadlines;
import landwatch.engine.command.MessageExpiry;
import landwatch.engine.command.ProcessInstanceCommands;
import landwatch.engine.command.ProcessInstanceResults;
import landwatch.engine.command.ResourceParser;
import landwatch.engine.command.TimerTrigger;
import landwatch.engine.command.VariableCommands;
import landwatch.engine.feel.FeelEvaluator;
import landwatch.engine.processing.EngineClock;
import landwatch.engine.processing.StreamProcessor;
import landwatch.engine.state.DeployedProcess;

/**
 * The embedded engine without Spring: the single writer, the BPMN processors and the commands the
 * REST API sends it. Started once its schema is migrated; its state is loaded from the tables.
 */
public final class Engine implements AutoCloseable {

  public final EngineClock clock = new EngineClock();
  public final FeelEvaluator feel;
  public final ResourceParser parser;
  public final StreamProcessor writer;
  public final BpmnEngine bpmn;
  public final DeploymentCommand deployments;
  public final ProcessInstanceCommands processInstances;
  public final ProcessInstanceResults results;
  public final JobCommands jobs;
  public final JobActivator activator;
  public final IncidentCommands incidents;
  public final VariableCommands variables;
  /** Deployed definitions for readers outside the writer (names in search results); immutable values. */
  public final Map<Long, DeployedProcess> definitions = new ConcurrentHashMap<>();

  public Engine(DataSource dataSource, EngineProperties properties) {
    feel = new FeelEvaluator(clock::zonedNow, properties.feel().evaluationBudget());
    parser = new ResourceParser(feel);
    writer = new StreamProcessor(dataSource, bytes -> parser.parseBpmn("stored", bytes), clock,
        properties.commandQueueCapacity(), properties.commandTimeout());
    BpmnContext ctx = new BpmnContext(writer, feel, properties.limits());
    bpmn = new BpmnEngine(ctx);
    JobDeadlines deadlines = new JobDeadlines(type -> bpmn.behaviors.jobs().notifyAvailable(type));
    activator = new JobActivator(bpmn.behaviors.variables(), deadlines);
    bpmn.behaviors.jobs().onJobsAvailable(activator::jobsAvailable);
    results = new ProcessInstanceResults(ctx);
    bpmn.addListener(results);
    deployments = new DeploymentCommand(new DeploymentCommand.TimerStartEvents(feel));
    processInstances = new ProcessInstanceCommands(bpmn);
    jobs = new JobCommands(bpmn, deadlines);
    incidents = new IncidentCommands(bpmn);
    variables = new VariableCommands(bpmn);
    writer.register(new TimerTrigger(bpmn));
    writer.register(deadlines);
    writer.register(new MessageExpiry(bpmn.messages));
    writer.register(activator);
    writer.register(results);
  }

  public void start() {
    writer.start(state -> state.processVersions()
        .forEach(versions -> versions.values().forEach(p -> definitions.put(p.key(), p))));
  }

  /** Stops the writer (abandoning a running evaluation and answering what waits), then FEEL's thread. */
  @Override
  public void close() {
    writer.close();
    feel.close();
  }
}
