package dev.newsroom.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The runner's DynamoDB Local (no authentication) answers on the loopback address only, never on the network. */
class LocalDatabaseBindingTest {

    @Test
    void embeddedDatabase_listensOnLoopbackOnly() throws Exception {
        List<InetAddress> networkAddresses = nonLoopbackAddresses();
        try (LocalDatabase database = LocalDatabase.open(null, null, Path.of("."))) {
            int port = URI.create(database.endpoint()).getPort();
            assertTrue(accepts(InetAddress.getLoopbackAddress(), port), "reachable on " + database.endpoint());
            assumeFalse(networkAddresses.isEmpty(), "this machine has no address besides loopback");
            for (InetAddress address : networkAddresses) {
                assertFalse(accepts(address, port), "port " + port + " must not answer on " + address.getHostAddress());
            }
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(LocalDatabaseBindingTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .toList();
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
