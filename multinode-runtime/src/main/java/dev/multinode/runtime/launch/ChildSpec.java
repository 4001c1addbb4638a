package dev.multinode.runtime.launch;

import dev.multinode.LaunchMode;
import dev.multinode.runtime.node.NodeConfig;
import dev.multinode.spi.TransportContext;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a node JVM needs to join a run, written by the parent as a properties file next to the
 * serialized body: the transport context and the node settings shared by every role.
 *
 * @param transportName the transport's name
 * @param providerClass the class of the parent's provider of it, which the child uses too: the
 *                      parent may have chosen it among several of that name
 * @param context       the transport context, with the parent transport's child properties
 * @param template      a node configuration whose role is replaced per child
 * @param allowedNames  class names allowed in probe messages, loaded by the child
 */
public record ChildSpec(String transportName, String providerClass, TransportContext context, NodeConfig template,
                        List<String> allowedNames) {

    private static final String TRANSPORT_PROPERTY = "transport.";

    /**
     * @param run a run whose transport is open in this JVM
     * @return what the run's node JVMs need, with the transport's properties for children
     */
    public static ChildSpec of(RunContext run) {
        TransportContext parent = run.transportContext();
        TransportContext context = new TransportContext(parent.runId(), parent.runDirectory(), parent.participants(),
                parent.maxFrameSize(), run.launchMode(), parent.secret(), run.transport().childProperties(), parent.seed());
        List<String> allowed = run.settings().allowed().stream().map(Class::getName).toList();
        return new ChildSpec(run.provider().name(), run.provider().getClass().getName(), context,
                run.nodeConfig(run.settings().roles().get(0), 0), allowed);
    }

    /**
     * @param file where to write
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out);
        }
    }

    /**
     * @param out where to write the properties
     * @throws IOException if they cannot be written
     */
    public void write(Writer out) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("transport", transportName);
        properties.setProperty("transportProvider", providerClass);
        properties.setProperty("runId", context.runId());
        properties.setProperty("runDirectory", context.runDirectory().toString());
        properties.setProperty("participants", String.join(",", context.participants()));
        properties.setProperty("transportFrameSize", Integer.toString(context.maxFrameSize()));
        properties.setProperty("launchMode", context.launchMode().name());
        properties.setProperty("secret", context.secret());
        context.properties().forEach((key, value) -> properties.setProperty(TRANSPORT_PROPERTY + key, value));
        properties.setProperty("barrierTimeoutMs", Long.toString(template.barrierTimeout().toMillis()));
        properties.setProperty("startTimeoutMs", Long.toString(template.startTimeout().toMillis()));
        properties.setProperty("stopTimeoutMs", Long.toString(template.stopTimeout().toMillis()));
        properties.setProperty("seed", Long.toString(template.seed()));
        properties.setProperty("maxFrameSize", Integer.toString(template.maxFrameSize()));
        properties.setProperty("allowed", String.join(",", allowedNames));
        if (template.debuggedRole() != null) {
            properties.setProperty("debuggedRole", template.debuggedRole());
        }
        properties.store(out, "multinode node settings; written by the parent, read by each node JVM");
    }

    /**
     * @param file what {@link #write} wrote
     * @return the spec
     * @throws IOException if it cannot be read
     */
    public static ChildSpec read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /**
     * @param in the properties {@link #write(Writer)} wrote
     * @return the spec
     * @throws IOException if they cannot be read
     */
    public static ChildSpec read(Reader in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        Map<String, String> transportProperties = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(TRANSPORT_PROPERTY)) {
                transportProperties.put(key.substring(TRANSPORT_PROPERTY.length()), properties.getProperty(key));
            }
        }
        List<String> participants = Arrays.asList(properties.getProperty("participants").split(","));
        int transportFrameSize = Integer.parseInt(properties.getProperty("transportFrameSize"));
        TransportContext context = new TransportContext(properties.getProperty("runId"),
                Path.of(properties.getProperty("runDirectory")), participants, transportFrameSize,
                LaunchMode.valueOf(properties.getProperty("launchMode")), properties.getProperty("secret"), transportProperties,
                Long.parseLong(properties.getProperty("seed")));
        String allowed = properties.getProperty("allowed", "");
        NodeConfig template = new NodeConfig(participants.get(1), participants.subList(1, participants.size()),
                millis(properties, "barrierTimeoutMs"), millis(properties, "startTimeoutMs"), millis(properties, "stopTimeoutMs"),
                Long.parseLong(properties.getProperty("seed")), Integer.parseInt(properties.getProperty("maxFrameSize")),
                transportFrameSize, List.of(), 0, RunContext.dataDir(context.runDirectory(), participants.get(1)),
                properties.getProperty("debuggedRole"));
        return new ChildSpec(properties.getProperty("transport"), properties.getProperty("transportProvider"), context,
                template, allowed.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(allowed.split(","))));
    }

    /**
     * @param role        the child's role
     * @param classLoader where the allowed classes live
     * @param incarnation 0 for the role's first start, one more per restart
     * @return the child's node configuration
     * @throws ClassNotFoundException if an allowed class is missing
     */
    public NodeConfig nodeConfig(String role, ClassLoader classLoader, int incarnation) throws ClassNotFoundException {
        List<Class<?>> allowed = new ArrayList<>();
        for (String name : allowedNames) {
            allowed.add(Class.forName(name, false, classLoader));
        }
        return new NodeConfig(role, template.roles(), template.barrierTimeout(), template.startTimeout(),
                template.stopTimeout(), template.seed(), template.maxFrameSize(), template.transportFrameSize(), allowed,
                incarnation, RunContext.dataDir(context.runDirectory(), role), template.debuggedRole());
    }

    private static Duration millis(Properties properties, String key) {
        return Duration.ofMillis(Long.parseLong(properties.getProperty(key)));
    }
}
