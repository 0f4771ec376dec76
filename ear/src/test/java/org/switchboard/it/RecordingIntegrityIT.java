package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recordings as evidence (issue 14): operators never upload, a person attaches or replaces (with a reason) and every
 * such change is in the client's tamper trail, the PBX's recording is final, hashes are shown and sent, every fetch is
 * a listen but one playback is one.
 */
@ExtendWith(ArquillianExtension.class)
class RecordingIntegrityIT {

    private long client;
    private String campaign;
    private String operator;
    private String extension;
    private String supervisor;
    private String clientUser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void fixtures() {
        client = createClient(unique("Integrity Client"));
        campaign = createCampaign(client, "OUTBOUND");
        operator = unique("op");
        extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        supervisor = unique("sup");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        clientUser = unique("cl");
        createUser(clientUser, List.of("CLIENT"), null, client);
    }

    private static RequestSpecification user(String username) {
        return as(username, username + "-pw");
    }

    private static String uid() {
        return "17641" + (System.nanoTime() % 100_000_000L) + "." + (int) (Math.random() * 1000);
    }

    /** A PBX record of the operator on the campaign, without recording; returns the call's id. */
    private long pbxCall(String uniqueid) {
        String csv = CallsIT.cdr(campaign, extension, freeMobile().substring(1), "PJSIP/" + extension + "-0000e001", "", "",
                LocalDateTime.of(2026, 11, 24, 12, 0), 3, 45, "ANSWERED", uniqueid, null) + "\n";
        admin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/calls/import/asterisk")
                .then().statusCode(200).body("imported", equalTo(1));
        return admin().queryParam("operator", operator).queryParam("sort", "-startedAt").get("/api/calls").then()
                .statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    /** A WAV of {@code size} bytes whose content differs with {@code seed}. */
    private static byte[] wav(int size, int seed) {
        byte[] bytes = CallsIT.wav(size);
        for (int i = 44; i < size; i++) {
            bytes[i] = (byte) (bytes[i] + seed);
        }
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String reprDigest(byte[] bytes) throws Exception {
        return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)) + ":";
    }

    private Response importPbx(String uniqueid, byte[] audio) {
        return admin().contentType("multipart/form-data")
                .multiPart("file", "out-79111234567-" + extension + "-20261124-120000-" + uniqueid + ".wav", audio,
                        "audio/wav")
                .post("/api/recordings/import");
    }

    @Test
    void operatorsNeverUploadAPersonAttachesAndReplacesOnlyWithAReasonAndTheClientSeesEveryChange() throws Exception {
        long callId = pbxCall(uid());
        byte[] first = wav(1000, 1);
        byte[] second = wav(1200, 2);

        user(operator).contentType("audio/wav").body(first).put("/api/calls/" + callId + "/recording").then()
                .statusCode(403).contentType(PROBLEM_JSON);
        admin().get("/api/calls/" + callId).then().body("recording", equalTo(null))
                .body("recordingSha256", equalTo(null)).body("recordingOrigin", equalTo(null));

        user(supervisor).contentType("audio/wav").body(first).put("/api/calls/" + callId + "/recording").then()
                .statusCode(200).body("recordingSha256", equalTo(sha256(first))).body("recordingOrigin", equalTo("MANUAL"))
                .body("recording.sha256", equalTo(sha256(first))).body("recording.origin", equalTo("MANUAL"))
                .body("recording.storedBy", equalTo(supervisor)).body("recordingManualAt", notNullValue());
        user(supervisor).get("/api/calls/" + callId + "/recording").then().statusCode(200)
                .header("X-Recording-SHA256", sha256(first)).header("Repr-Digest", reprDigest(first));
        user(supervisor).header("Range", "bytes=10-19").get("/api/calls/" + callId + "/recording").then().statusCode(206)
                .header("Content-Range", "bytes 10-19/1000")
                .header("X-Recording-SHA256", sha256(first)).header("Repr-Digest", reprDigest(first));

        user(supervisor).contentType("audio/wav").body(second).put("/api/calls/" + callId + "/recording").then()
                .statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("reason"));
        admin().get("/api/calls/" + callId).then().body("recordingSha256", equalTo(sha256(first)));

        String reason = "the first file was another call's";
        user(supervisor).contentType("audio/wav").body(second).queryParam("reason", reason)
                .put("/api/calls/" + callId + "/recording").then().statusCode(200)
                .body("recordingSha256", equalTo(sha256(second))).body("recording.bytes", equalTo(1200));
        byte[] served = user(supervisor).get("/api/calls/" + callId + "/recording").then().statusCode(200)
                .header("X-Recording-SHA256", sha256(second)).extract().asByteArray();
        assertThat(served).isEqualTo(second);

        for (RequestSpecification reader : List.of(user(supervisor), user(clientUser))) {
            JsonPath versions = reader.get("/api/calls/" + callId + "/recording/versions").then().statusCode(200)
                    .body("size()", equalTo(2)).extract().jsonPath();
            assertThat(versions.getBoolean("[0].current")).isTrue();
            assertThat(versions.getString("[0].sha256")).isEqualTo(sha256(second));
            assertThat(versions.getString("[0].origin")).isEqualTo("MANUAL");
            assertThat(versions.getString("[0].storedBy")).isEqualTo(supervisor);
            assertThat(versions.getString("[0].replacedAt")).isNull();
            assertThat(versions.getBoolean("[1].current")).isFalse();
            assertThat(versions.getString("[1].sha256")).isEqualTo(sha256(first));
            assertThat(versions.getLong("[1].bytes")).isEqualTo(1000);
            assertThat(versions.getString("[1].type")).isEqualTo("audio/wav");
            assertThat(versions.getString("[1].storedBy")).isEqualTo(supervisor);
            assertThat(versions.getString("[1].replacedBy")).isEqualTo(supervisor);
            assertThat(versions.getString("[1].replacedAt")).isNotNull();
            assertThat(versions.getString("[1].reason")).isEqualTo(reason);
        }
        user(operator).get("/api/calls/" + callId + "/recording/versions").then().statusCode(403);
        String stranger = unique("cl");
        createUser(stranger, List.of("CLIENT"), null, createClient(unique("Other Client")));
        user(stranger).get("/api/calls/" + callId + "/recording/versions").then().statusCode(404)
                .contentType(PROBLEM_JSON);

        // the client reads both changes in the tamper trail of its campaign, with the call's operator
        JsonPath trail = user(clientUser).queryParam("campaign", campaign).get("/api/integrity/changes").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> changes = trail.getList("items");
        Map<String, Object> attached = changes.stream().filter(c -> "RECORDING_ATTACHED".equals(c.get("kind")))
                .findFirst().orElseThrow();
        assertThat(attached).containsEntry("subjectId", String.valueOf(callId)).containsEntry("by", supervisor)
                .containsEntry("operator", operator).containsEntry("campaign", campaign)
                .containsEntry("after", sha256(first));
        Map<String, Object> replaced = changes.stream().filter(c -> "RECORDING_REPLACED".equals(c.get("kind")))
                .findFirst().orElseThrow();
        assertThat(replaced).containsEntry("subjectId", String.valueOf(callId)).containsEntry("by", supervisor)
                .containsEntry("operator", operator).containsEntry("before", sha256(first))
                .containsEntry("after", sha256(second)).containsEntry("reason", reason);
        user(stranger).queryParam("campaign", campaign).get("/api/integrity/changes").then().statusCode(200)
                .body("items.findAll { it.subjectId == '" + callId + "' }.size()", equalTo(0));
    }

    @Test
    void thePbxRecordingIsFinalAndAManualOneBeforeItIsKept() throws Exception {
        String uniqueid = uid();
        long callId = pbxCall(uniqueid);
        byte[] manual = wav(300, 3);
        byte[] pbx = wav(500, 4);
        user(supervisor).contentType("audio/wav").body(manual).put("/api/calls/" + callId + "/recording").then()
                .statusCode(200);

        importPbx(uniqueid, pbx).then().statusCode(200).body("attached", equalTo(1)).body("unchanged", equalTo(0))
                .body("rejected.size()", equalTo(0));
        admin().get("/api/calls/" + callId).then().body("recordingOrigin", equalTo("PBX"))
                .body("recordingSha256", equalTo(sha256(pbx))).body("recording.origin", equalTo("PBX"));
        JsonPath versions = admin().get("/api/calls/" + callId + "/recording/versions").then().statusCode(200)
                .body("size()", equalTo(2)).extract().jsonPath();
        assertThat(versions.getString("[0].origin")).isEqualTo("PBX");
        assertThat(versions.getString("[1].origin")).isEqualTo("MANUAL");
        assertThat(versions.getString("[1].sha256")).isEqualTo(sha256(manual));
        assertThat(versions.getString("[1].reason")).contains("PBX");

        importPbx(uniqueid, pbx).then().statusCode(200).body("attached", equalTo(0)).body("unchanged", equalTo(1))
                .body("rejected.size()", equalTo(0));
        importPbx(uniqueid, wav(500, 5)).then().statusCode(200).body("attached", equalTo(0))
                .body("rejected.size()", equalTo(1))
                .body("rejected[0].reason", containsString("already has the PBX's recording"));

        admin().contentType("audio/wav").body(wav(700, 6)).queryParam("reason", "a clearer copy")
                .put("/api/calls/" + callId + "/recording").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("PBX's recording")).body("detail", containsString("cannot be replaced"));
        user(supervisor).contentType("audio/wav").body(wav(700, 6)).put("/api/calls/" + callId + "/recording").then()
                .statusCode(409);
        user(operator).contentType("audio/wav").body(wav(700, 6)).put("/api/calls/" + callId + "/recording").then()
                .statusCode(403);
        byte[] served = admin().get("/api/calls/" + callId + "/recording").then().statusCode(200)
                .header("X-Recording-SHA256", sha256(pbx)).extract().asByteArray();
        assertThat(served).isEqualTo(pbx);
        admin().get("/api/calls/" + callId + "/recording/versions").then().body("size()", equalTo(2));
    }

    @Test
    void everyFetchIsAListenWhateverItsRangeButOnePlaybackIsOneListenPerUser() throws Exception {
        String uniqueid = uid();
        long callId = pbxCall(uniqueid);
        importPbx(uniqueid, wav(4000, 7)).then().statusCode(200).body("attached", equalTo(1));

        user(clientUser).header("Range", "bytes=1-").get("/api/calls/" + callId + "/recording").then().statusCode(206)
                .header("Content-Range", "bytes 1-3999/4000");
        assertThat(listeners(callId)).containsExactly(clientUser);

        String second = unique("sup");
        createUser(second, List.of("SUPERVISOR"), null, null);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> fetches = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int from = i * 400;
                fetches.add(pool.submit(() -> {
                    go.await();
                    return user(supervisor).header("Range", "bytes=" + from + "-" + (from + 399))
                            .get("/api/calls/" + callId + "/recording").statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> f : fetches) {
                assertThat(f.get()).isEqualTo(206);
            }
        } finally {
            pool.shutdownNow();
        }
        user(supervisor).get("/api/calls/" + callId + "/recording").then().statusCode(200);
        user(second).header("Range", "bytes=2000-").get("/api/calls/" + callId + "/recording").then().statusCode(206);
        user(second).header("Range", "bytes=3000-").get("/api/calls/" + callId + "/recording").then().statusCode(206);

        List<String> listeners = listeners(callId);
        assertThat(listeners).containsExactlyInAnyOrder(clientUser, supervisor, second);
    }

    private static List<String> listeners(long callId) {
        return admin().get("/api/calls/" + callId + "/listens").then().statusCode(200).extract().jsonPath()
                .getList("username", String.class);
    }
}
