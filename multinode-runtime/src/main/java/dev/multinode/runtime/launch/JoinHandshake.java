package dev.multinode.runtime.launch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an external node joins a run: both sides prove they hold the run's secret (HMAC-SHA256 over
 * the other side's random challenge) before the conductor hands out the run's settings and body.
 * The node thus never deserializes a body from anyone but the holder of the secret, and the
 * conductor never serves one to a stranger.
 *
 * <pre>
 * node      → conductor: MAGIC, role, node challenge (32 bytes)
 * conductor → node:      conductor challenge (32 bytes), HMAC(secret, "conductor" | node challenge | role)
 * node      → conductor: HMAC(secret, "node" | conductor challenge | role)
 * conductor → node:      settings (length, UTF-8 properties), body (length, bytes)   — or closes
 * </pre>
 */
final class JoinHandshake {

    static final String MAGIC = "multinode-join-1";
    static final int MAX_SETTINGS = 1 << 20;
    static final int MAX_BODY = 64 << 20;
    private static final int CHALLENGE = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinHandshake() {
    }

    /** What the conductor serves to a node that proved itself. */
    record Welcome(String settings, byte[] body) {
    }

    /** The node's side; returns what the conductor served. */
    static Welcome join(DataInputStream in, DataOutputStream out, String role, String secret) throws IOException {
        byte[] nodeChallenge = challenge();
        out.writeUTF(MAGIC);
        out.writeUTF(role);
        out.write(nodeChallenge);
        out.flush();
        byte[] conductorChallenge = in.readNBytes(CHALLENGE);
        byte[] proof = in.readNBytes(32);
        if (!MessageDigest.isEqual(proof, mac(secret, "conductor", nodeChallenge, role))) {
            throw new IOException("the conductor did not prove it holds the run's secret: wrong multinode.secret?");
        }
        out.write(mac(secret, "node", conductorChallenge, role));
        out.flush();
        int settingsLength = in.readInt();
        if (settingsLength < 0 || settingsLength > MAX_SETTINGS) {
            throw new IOException("the conductor refused the join or sent settings of " + settingsLength + " bytes");
        }
        String settings = new String(in.readNBytes(settingsLength), StandardCharsets.UTF_8);
        int bodyLength = in.readInt();
        if (bodyLength < 0 || bodyLength > MAX_BODY) {
            throw new IOException("the conductor sent a body of " + bodyLength + " bytes");
        }
        return new Welcome(settings, in.readNBytes(bodyLength));
    }

    /** The conductor's side up to the node's proof; returns the role that proved itself. */
    static String admit(DataInputStream in, DataOutputStream out, String secret) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a multinode node (bad greeting)");
        }
        String role = in.readUTF();
        byte[] nodeChallenge = in.readNBytes(CHALLENGE);
        byte[] conductorChallenge = challenge();
        out.write(conductorChallenge);
        out.write(mac(secret, "conductor", nodeChallenge, role));
        out.flush();
        byte[] proof = in.readNBytes(32);
        if (!MessageDigest.isEqual(proof, mac(secret, "node", conductorChallenge, role))) {
            throw new IOException("wrong secret for role '" + role + "'");
        }
        return role;
    }

    static void welcome(DataOutputStream out, Welcome welcome) throws IOException {
        byte[] settings = welcome.settings().getBytes(StandardCharsets.UTF_8);
        out.writeInt(settings.length);
        out.write(settings);
        out.writeInt(welcome.body().length);
        out.write(welcome.body());
        out.flush();
    }

    private static byte[] challenge() {
        byte[] bytes = new byte[CHALLENGE];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mac(String secret, String side, byte[] challenge, String role) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(side.getBytes(StandardCharsets.UTF_8));
            mac.update(challenge);
            mac.update(role.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
