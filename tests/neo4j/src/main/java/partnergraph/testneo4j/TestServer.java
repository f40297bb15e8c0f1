package partnergraph.testneo4j;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j 5.26 Community, embedded, reachable over Bolt on 127.0.0.1 -- the real server the
 * Python tests talk to, without Docker.
 *
 * <p>Usage: {@code TestServer [--port N] [--dir PATH] [--conf key=value]...}. The port
 * defaults to $NEO4J_TEST_PORT or 7687; port 0 picks a free one (the READY line names
 * it). The directory defaults to a fresh temp dir under tests/neo4j/data. Auth is off.
 *
 * <p>Prints {@code READY bolt://127.0.0.1:PORT} on stdout once the default database is
 * available and a Bolt handshake on the port succeeds, so callers wait on one line instead
 * of polling. SIGTERM (or Ctrl-C) shuts the database down cleanly via a shutdown hook.
 */
public final class TestServer {

    private TestServer() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // Exit now: a failed start can leave non-daemon threads that keep the JVM alive.
            e.printStackTrace();
            System.err.println("neo4j test server: failed to start: " + e);
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int port = Integer.parseInt(envOr("NEO4J_TEST_PORT", "7687"));
        Path dir = null;
        // Small by default: the test machine has 2 cores, and several servers may run.
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("server.memory.pagecache.size", "64m");
        conf.put("db.transaction.timeout", envOr("NEO4J_TEST_TX_TIMEOUT", "0s")); // 0 = none
        conf.put("db.tx_log.preallocate", "false"); // no 256 MB log files per test database
        conf.put("db.tx_log.rotation.retention_policy", "1 files");
        conf.put("dbms.usage_report.enabled", "false");
        // Bolt otherwise idles ~10 s in netty's graceful shutdown; tests stop servers often.
        conf.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        conf.put("internal.dbms.bolt.netty_server_shutdown_timeout", "2s");

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> port = Integer.parseInt(need(args, ++i, a));
                case "--dir" -> dir = Path.of(need(args, ++i, a));
                case "--conf" -> {
                    String kv = need(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        fail("--conf expects key=value, got '" + kv + "'");
                    }
                    conf.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
                case "-h", "--help" -> {
                    System.out.println("usage: TestServer [--port N] [--dir PATH] [--conf key=value]...");
                    return;
                }
                default -> fail("unknown argument '" + a + "' (try --help)");
            }
        }
        if (dir == null) {
            Path base = Path.of("data");
            Files.createDirectories(base);
            dir = Files.createTempDirectory(base, "db-");
        }
        Files.createDirectories(dir);

        // The public builder takes typed settings or a properties file; a file keeps every
        // --conf key=value as plain text, validated by Neo4j itself (unknown keys fail).
        Path confFile = dir.resolve("neo4j-test.conf");
        StringBuilder text = new StringBuilder();
        conf.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(confFile, text);

        long t0 = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dir.toAbsolutePath())
                .loadPropertiesFromFile(confFile)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("neo4j test server: shutting down");
            dbms.shutdown();
            System.err.println("neo4j test server: stopped");
            stopped.countDown();
        }, "neo4j-test-server-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofSeconds(120).toMillis())) {
            fail("default database did not become available within 120 s");
        }
        int boltPort = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        waitForBolt(boltPort, Duration.ofSeconds(60));

        System.err.printf("neo4j test server: %s in %s, up in %.1f s, transaction timeout %s%n",
                dbms.database("system").executeTransactionally(
                        "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                        Map.of(), r -> r.next().get("v")),
                dir, (System.nanoTime() - t0) / 1e9, conf.get("db.transaction.timeout"));
        System.out.println("READY bolt://127.0.0.1:" + boltPort);
        System.out.flush();
        stopped.await(); // the shutdown hook releases this; the JVM then exits
    }

    /** True once a Bolt handshake is answered with a version, not just a TCP accept. */
    private static void waitForBolt(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                s.setSoTimeout(2000);
                OutputStream out = s.getOutputStream();
                out.write(new byte[] {
                    0x60, 0x60, (byte) 0xB0, 0x17, // magic
                    0, 0, 4, 5,                    // 5.0 .. 5.4
                    0, 0, 4, 4,                    // 4.4 .. 4.0
                    0, 0, 0, 0,
                    0, 0, 0, 0});
                out.flush();
                int version = new DataInputStream(s.getInputStream()).readInt();
                if (version != 0) {
                    return;
                }
                last = new IOException("Bolt handshake refused every proposed version");
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        fail("Bolt on 127.0.0.1:" + port + " did not answer a handshake within "
                + timeout.toSeconds() + " s: " + last);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String need(String[] args, int i, String flag) {
        if (i >= args.length) {
            fail(flag + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("neo4j test server: " + message);
        System.exit(2);
    }
}
