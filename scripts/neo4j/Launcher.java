import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs an embedded Neo4j Community DBMS with the Bolt connector, for congress-graph.
 *
 * Driven by the Node supervisor (server/db/local/), which writes the settings file and
 * reads this process's stdout. Protocol, one line each:
 *   NEO4J_READY <version>     the DBMS is up and Bolt is listening
 *   NEO4J_ERROR <message>     start failed (exit code 1)
 * Environment: NEO4J_HOME_DIR (the data directory), NEO4J_CONF_FILE (settings),
 * NEO4J_INITIAL_PASSWORD (set on the neo4j user while it still needs a first password).
 * The DBMS shuts down cleanly on SIGTERM/SIGINT and when stdin closes (the parent died),
 * so no JVM outlives the process that started it.
 */
public class Launcher {
  public static void main(String[] args) {
    Path home = Path.of(requireEnv("NEO4J_HOME_DIR"));
    Path conf = Path.of(requireEnv("NEO4J_CONF_FILE"));
    String password = requireEnv("NEO4J_INITIAL_PASSWORD");

    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    } catch (Throwable e) {
      fail(e);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

    try {
      setInitialPassword(dbms.database("system"), password);
      String version = dbms.database("neo4j")
          .executeTransactionally("CALL dbms.components() YIELD versions RETURN versions[0] AS v", Map.of(),
              r -> r.next().get("v").toString());
      System.out.println("NEO4J_READY " + version);
      System.out.flush();
    } catch (Throwable e) {
      fail(e);
      System.exit(1);
    }
    exitWhenStdinCloses();
  }

  /** A fresh store has user neo4j/neo4j with a forced change; give it the project's password once. */
  private static void setInitialPassword(GraphDatabaseService system, String password) {
    boolean changeRequired = system.executeTransactionally(
        "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
        Map.of(), r -> r.hasNext() && Boolean.TRUE.equals(r.next().get("passwordChangeRequired")));
    if (changeRequired) {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    }
  }

  private static void exitWhenStdinCloses() {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Nothing is expected on stdin; it only tells us the parent is alive.
      }
    } catch (IOException ignored) {
      // A broken pipe means the same as EOF.
    }
    System.exit(0);
  }

  private static String requireEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      System.out.println("NEO4J_ERROR missing environment variable " + name);
      System.exit(2);
    }
    return value;
  }

  private static void fail(Throwable e) {
    Throwable root = e;
    StringBuilder chain = new StringBuilder(String.valueOf(e.getMessage()));
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      chain.append(" | ").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage());
    }
    System.out.println("NEO4J_ERROR " + chain.toString().replace('\n', ' '));
    System.out.flush();
    e.printStackTrace(System.err);
  }
}
