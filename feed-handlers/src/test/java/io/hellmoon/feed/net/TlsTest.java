/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.testing.LocalExchangeServer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wss://} and {@code https://} against a local server with a certificate made for the test: trusted through
 * {@code tls.trust.certificates} it works, host name checked; untrusted it fails the handshake.
 */
@Timeout(60)
class TlsTest
{
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static Path certificate;
    private static SslContext serverContext;

    @BeforeAll
    static void makeCertificate() throws Exception
    {
        final Path keyStore = dir.resolve("server.p12");
        certificate = dir.resolve("server.pem");
        final String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity",
            "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(),
            "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(),
            "-storepass", "changeit", "-file", certificate.toString()));

        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore))
        {
            store.load(in, PASSWORD);
        }
        final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        serverContext = SslContextBuilder.forServer(keys).build();
    }

    @Test
    void shouldStreamAndFetchOverTlsWithATrustedCertificate() throws Exception
    {
        try (LocalExchangeServer server = new LocalExchangeServer(serverContext))
        {
            server.route((request) -> LocalExchangeServer.Response.ok("{\"lastUpdateId\":1}"));
            final FeedEventLoop loop = new FeedEventLoop(
                new FeedEventLoop.Context().trustCertificates(certificate.toString()));
            try
            {
                final Recorder recorder = new Recorder();
                final WebSocketClient client = new WebSocketClient(loop, new OffsetEpochNanoClock());
                assertTrue(server.wsUrl().startsWith("wss://"));
                client.connect(URI.create(server.wsUrl() + "?streams=btcusdt@trade"), recorder, recorder);
                assertEquals("open", recorder.events.poll(10, TimeUnit.SECONDS));
                server.publish("btcusdt@trade", "{\"t\":1}");
                assertEquals("{\"stream\":\"btcusdt@trade\",\"data\":{\"t\":1}}",
                    recorder.messages.poll(10, TimeUnit.SECONDS));

                final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
                final HttpClient http = new HttpClient(loop, new OffsetEpochNanoClock());
                loop.execute(() -> http.get(URI.create(server.httpUrl() + "/fapi/v1/depth?symbol=BTCUSDT"),
                    new HttpResponseListener()
                    {
                        public void onResponse(final HttpReply reply)
                        {
                            replies.add(reply.statusCode() + " " + reply.bodyText(100));
                        }

                        public void onFailure(final URI uri, final String reason)
                        {
                            replies.add("failed " + reason);
                        }
                    }));
                assertEquals("200 {\"lastUpdateId\":1}", replies.poll(10, TimeUnit.SECONDS));
            }
            finally
            {
                loop.close();
            }
        }
    }

    @Test
    void shouldFailTheHandshakeWithAnUntrustedCertificate() throws Exception
    {
        try (LocalExchangeServer server = new LocalExchangeServer(serverContext))
        {
            final FeedEventLoop loop = new FeedEventLoop(new FeedEventLoop.Context());
            try
            {
                final Recorder recorder = new Recorder();
                final WebSocketConnection connection = new WebSocketClient(loop, new OffsetEpochNanoClock())
                    .connect(URI.create(server.wsUrl()), recorder, recorder);
                assertEquals("closed", recorder.events.poll(10, TimeUnit.SECONDS));
                assertTrue(!connection.wasOpened());
                assertTrue(connection.closeReason().contains("SSL") || connection.closeReason().contains("certif"),
                    connection.closeReason());
            }
            finally
            {
                loop.close();
            }
        }
    }

    private static void run(final List<String> command) throws Exception
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), output);
    }

    private static final class Recorder implements VenueFrameHandler, WebSocketListener
    {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
        {
            messages.add(buffer.getStringWithoutLengthUtf8(offset, length));
        }

        public void onDepthSnapshot(
            final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
        }

        public void onOpen(final WebSocketConnection connection)
        {
            events.add("open");
        }

        public void onPing(final WebSocketConnection connection)
        {
        }

        public void onPong(final WebSocketConnection connection)
        {
        }

        public void onClosed(final WebSocketConnection connection)
        {
            events.add("closed");
        }
    }
}
