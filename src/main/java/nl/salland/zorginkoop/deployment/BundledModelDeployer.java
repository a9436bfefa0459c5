package nl.salland.zorginkoop.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the diagrams, decision tables and forms bundled with the application (top-level {@code bpmn/} and
 * {@code dmn/}) when the engine starts, replacing Camunda's auto-deployment, which deploys every resource again on
 * each start and so would silently roll back whatever a process owner deployed from Camunda Modeler.
 *
 * <p>Rules, per bundled file:
 * <ul>
 *   <li>unchanged since the application last deployed it: nothing is deployed;</li>
 *   <li>changed, and nobody else deployed the same process, decision or form since: the new version is deployed;</li>
 *   <li>changed, but a process owner deployed a version from Camunda Modeler (or the REST API) since: the owner's
 *       version stays the latest and a warning names both; set
 *       {@code zorginkoop.deployment.replace-modeler-versions=true} to let the bundled file win on purpose.</li>
 * </ul>
 */
@Component
public class BundledModelDeployer extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "zorginkoop";
  /** Marks our own deployments; Camunda Modeler deploys with source "Camunda Modeler". */
  public static final String DEPLOYMENT_SOURCE = "zorginkoop-application";
  static final String[] PATTERNS = {"classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.form",
      "classpath*:dmn/**/*.dmn"};

  private static final Logger LOG = LoggerFactory.getLogger(BundledModelDeployer.class);

  private final boolean replaceModelerVersions;

  public BundledModelDeployer(
      @Value("${zorginkoop.deployment.replace-modeler-versions:false}") boolean replaceModelerVersions) {
    this.replaceModelerVersions = replaceModelerVersions;
  }

  /** A file to deploy: its resource name (e.g. {@code bpmn/contracting-round.bpmn}) and content. */
  public record BundledFile(String name, byte[] content) {
    String fileName() {
      return name.substring(name.lastIndexOf('/') + 1);
    }
  }

  /** What a start did with the bundled files. */
  public record Outcome(Optional<Deployment> deployment, List<String> deployed, List<String> unchanged,
      List<String> keptModelerVersion) {
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    deploy(engine, bundledFiles());
  }

  public Outcome deploy(ProcessEngine engine, List<BundledFile> files) {
    RepositoryService repository = engine.getRepositoryService();
    List<Deployment> ours = repository.createDeploymentQuery().deploymentSource(DEPLOYMENT_SOURCE)
        .orderByDeploymentTime().desc().list();
    List<String> deployed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    // Duplicate filtering: nodes of a new release that start at the same moment each find a file changed; under the
    // engine's deployment lock the later ones then find it deployed already and store no second, identical version.
    DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(false);

    for (BundledFile file : files) {
      Optional<Deployment> lastOfOurs = lastDeploymentOf(repository, ours, file);
      if (lastOfOurs.isPresent() && Arrays.equals(file.content(), content(repository, lastOfOurs.get(), file))) {
        unchanged.add(file.name());
        continue;
      }
      Date since = lastOfOurs.map(Deployment::getDeploymentTime).orElse(null);
      Optional<Deployment> foreign = foreignDeploymentSince(repository, file, since);
      if (foreign.isPresent() && !replaceModelerVersions) {
        Deployment other = foreign.get();
        LOG.warn("Bundled {} differs from what the application deployed before, but '{}' (source '{}', {}) "
                + "deployed its own version since; that version stays the latest. Deploy the bundled file from "
                + "Camunda Modeler, or start once with zorginkoop.deployment.replace-modeler-versions=true.",
            file.name(), other.getName(), other.getSource(), other.getDeploymentTime());
        kept.add(file.name());
        continue;
      }
      builder.addInputStream(file.name(), new ByteArrayInputStream(file.content()));
      deployed.add(file.name());
    }

    Optional<Deployment> deployment = Optional.empty();
    if (!deployed.isEmpty()) {
      deployment = Optional.of(builder.deploy());
      LOG.info("Deployed bundled models {}", deployed);
    }
    LOG.info("Bundled models: {} deployed, {} unchanged, {} kept at a process owner's version", deployed.size(),
        unchanged.size(), kept.size());
    return new Outcome(deployment, deployed, unchanged, kept);
  }

  private static Optional<Deployment> lastDeploymentOf(RepositoryService repository, List<Deployment> ours,
      BundledFile file) {
    return ours.stream()
        .filter(d -> repository.getDeploymentResourceNames(d.getId()).contains(file.name()))
        .findFirst();
  }

  private static byte[] content(RepositoryService repository, Deployment deployment, BundledFile file) {
    try (InputStream in = repository.getResourceAsStream(deployment.getId(), file.name())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The newest deployment not made by the application, after {@code since}, that holds this file or a process or
   * decision with one of this file's keys.
   */
  private static Optional<Deployment> foreignDeploymentSince(RepositoryService repository, BundledFile file,
      Date since) {
    var query = repository.createDeploymentQuery();
    if (since != null) {
      query.deploymentAfter(since);
    }
    Set<String> keys = DefinitionKeys.of(file);
    return query.list().stream()
        .filter(d -> !DEPLOYMENT_SOURCE.equals(d.getSource()))
        .filter(d -> holdsFileOrKey(repository, d, file, keys))
        .max(Comparator.comparing(Deployment::getDeploymentTime));
  }

  private static boolean holdsFileOrKey(RepositoryService repository, Deployment deployment, BundledFile file,
      Set<String> keys) {
    boolean sameFile = repository.getDeploymentResources(deployment.getId()).stream()
        .map(Resource::getName)
        .anyMatch(name -> name.equals(file.name()) || name.endsWith("/" + file.fileName())
            || name.equals(file.fileName()));
    if (sameFile || keys.isEmpty()) {
      return sameFile;
    }
    Set<String> deployedKeys = new HashSet<>();
    repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list().stream()
        .map(ProcessDefinition::getKey).forEach(deployedKeys::add);
    repository.createDecisionDefinitionQuery().deploymentId(deployment.getId()).list().stream()
        .map(DecisionDefinition::getKey).forEach(deployedKeys::add);
    deployedKeys.retainAll(keys);
    return !deployedKeys.isEmpty();
  }

  static List<BundledFile> bundledFiles() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<BundledFile> files = new ArrayList<>();
    try {
      for (String pattern : PATTERNS) {
        for (org.springframework.core.io.Resource resource : resolver.getResources(pattern)) {
          String url = resource.getURL().toString();
          String root = pattern.substring("classpath*:".length(), pattern.indexOf('/'));
          String name = url.substring(url.lastIndexOf("/" + root + "/") + 1);
          try (InputStream in = resource.getInputStream()) {
            files.add(new BundledFile(name, in.readAllBytes()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled models", e);
    }
    files.sort(Comparator.comparing(BundledFile::name));
    return files;
  }
}
