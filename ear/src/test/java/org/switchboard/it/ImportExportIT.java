package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Spreadsheet imports with good and bad rows, all-or-nothing, async progress, and lossless export round trips. */
@ExtendWith(ArquillianExtension.class)
class ImportExportIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    private static Response upload(String path, String contentType, byte[] body, Object... query) {
        var request = admin().contentType(contentType).body(body);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.post(path);
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void goodRowsGoInBadRowsAreReportedByLineAndColumn() {
        String a = freeMobile();
        String b = freeMobile();
        String tag = unique("imp");
        String file = "full_name;phones;email;birthday;consent;consent_date;tags\n"
                + "Анна Импортова;" + a + ";anna@example.com;01.02.1990;да;2026-01-01;" + tag + "\n"
                + "Bad Phone;12;;;;;" + tag + "\n"
                + ";" + freeMobile() + ";;;;;" + tag + "\n"
                + "Bob;8" + b.substring(2) + ";bob@;2099-01-01;maybe;;" + tag + "\n"
                + "Consent Without Date;" + freeMobile() + ";;;yes;;" + tag + "\n";
        JsonPath report = upload("/api/contacts/import", "text/csv", csv("\uFEFF" + file)).then().statusCode(200)
                .body("received", equalTo(5)).body("imported", equalTo(1)).body("updated", equalTo(0))
                .body("duplicates", equalTo(0)).body("status", equalTo("DONE"))
                .extract().jsonPath();
        List<Map<String, Object>> rejected = report.getList("rejected");
        assertThat(rejected).extracting(r -> r.get("line") + ":" + r.get("column")).containsExactly(
                "3:phones", "4:full_name", "5:email", "5:birthday", "5:consent", "6:consent_date");
        admin().queryParam("tag", tag).get("/api/contacts").then().body("total", equalTo(1))
                .body("items[0].consent.given", equalTo(true)).body("items[0].birthday", equalTo("1990-02-01"));

        // the same file again changes nothing
        upload("/api/contacts/import", "text/csv", csv(file)).then().statusCode(200)
                .body("imported", equalTo(0)).body("duplicates", equalTo(1)).body("rejected.size()", equalTo(6));
        // a changed row updates the contact it matches by phone
        upload("/api/contacts/import", "text/csv", csv("full_name,phone,city\nАнна Импортова," + a + ",Казань\n"))
                .then().body("updated", equalTo(1)).body("imported", equalTo(0));
        admin().queryParam("phone", a).get("/api/contacts").then().body("items[0].city", equalTo("Казань"))
                .body("items[0].emails", equalTo(List.of("anna@example.com")));
    }

    @Test
    void allOrNothingImportsNothingWhenARowIsBad() {
        String tag = unique("aon");
        String file = "name,phone,tags\nGood One," + freeMobile() + "," + tag + "\nBroken,not-a-phone," + tag + "\n";
        upload("/api/contacts/import", "text/csv", csv(file), "mode", "all-or-nothing").then().statusCode(200)
                .body("imported", equalTo(0)).body("rejected[0].line", equalTo(3));
        admin().queryParam("tag", tag).get("/api/contacts").then().body("total", equalTo(0));
        String good = "name,phone,tags\nGood One," + freeMobile() + "," + tag + "\nGood Two," + freeMobile() + "," + tag + "\n";
        upload("/api/contacts/import", "text/csv", csv(good), "mode", "all-or-nothing").then()
                .body("imported", equalTo(2)).body("rejected.size()", equalTo(0));
        admin().queryParam("tag", tag).get("/api/contacts").then().body("total", equalTo(2));
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrNotASpreadsheetIsRefusedWhole() {
        upload("/api/contacts/import", "text/csv", csv("surname,mobile\nX,+79210000000\n")).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("detail", org.hamcrest.Matchers.containsString("full_name or name"));
        upload("/api/contacts/import", XLSX, csv("this is not a workbook")).then().statusCode(400)
                .contentType(PROBLEM_JSON);
        upload("/api/contacts/import", "text/csv", new byte[0]).then().statusCode(400).contentType(PROBLEM_JSON);
        upload("/api/contacts/import", "text/csv", csv("name,phone\n"), "mode", "sometimes").then().statusCode(400);
    }

    @Test
    void leadsImportFromTheOperatorsSpreadsheet() {
        long client = createClient(unique("Import Client"));
        String campaign = createCampaign(client, "INBOUND_AD");
        String operator = unique("op");
        String extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        String phone = freeMobile();
        String uniqueid = "1764" + System.nanoTime() % 1_000_000 + ".7";
        String file = "created_at,operator_extension,phone,name,campaign,call_uniqueid\n"
                + "2026-11-27 10:15:00," + extension + "," + phone + ",Лид Первый," + campaign + "," + uniqueid + "\n"
                + "27.11.2026 11:00," + extension + "," + freeMobile() + ",Лид Второй," + campaign + ",\n"
                + "2026-11-27 12:00,999999999," + freeMobile() + ",Unknown Operator," + campaign + ",\n"
                + "2026-11-27 13:00," + extension + "," + freeMobile() + ",Unknown Campaign,NO-SUCH-CAMPAIGN,\n"
                + "yesterday," + extension + "," + freeMobile() + ",Bad Time," + campaign + ",\n";
        upload("/api/leads/import", "text/csv", csv(file)).then().statusCode(200)
                .body("received", equalTo(5)).body("imported", equalTo(2))
                .body("rejected.line", equalTo(List.of(4, 5, 6)))
                .body("rejected.column", equalTo(List.of("operator_extension", "campaign", "created_at")));
        admin().queryParam("campaign", campaign).queryParam("sort", "createdAt").get("/api/leads").then()
                .body("total", equalTo(2))
                .body("items[0].createdAt", equalTo("2026-11-27T07:15:00Z"))
                .body("items[0].callUniqueid", equalTo(uniqueid))
                .body("items[0].operator", equalTo(operator));
        admin().queryParam("phone", phone).get("/api/contacts").then().body("items[0].fullName", equalTo("Лид Первый"));
        upload("/api/leads/import", "text/csv", csv(file)).then().body("imported", equalTo(0)).body("duplicates", equalTo(2));
    }

    @Test
    void exportsImportBackWithoutLoss() throws Exception {
        long client = createClient(unique("Export Client"));
        String campaign = createCampaign(client, "OUTBOUND");
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        long contact = admin().body(Map.of("fullName", "Экспорт Экспортов", "phones",
                List.of(Map.of("number", freeMobile(), "kind", "home"), Map.of("number", freeMobile(), "kind", "mobile")),
                "emails", List.of(unique("x") + "@example.com"), "birthday", "1975-03-08", "tags", List.of("a", "b"),
                "sourceCampaign", campaign, "consent", Map.of("given", true, "source", "call", "date", "2026-10-01"),
                "timeZone", "Asia/Omsk", "notes", "line one, with comma; and \"quotes\""))
                .post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", operator, "estimatedValue", 1234.5))
                .post("/api/leads").then().statusCode(201);

        for (String format : List.of("csv", "xlsx")) {
            byte[] contacts = admin().queryParam("format", format).get("/api/contacts/export").then().statusCode(200)
                    .extract().asByteArray();
            upload("/api/contacts/import", format.equals("csv") ? "text/csv" : XLSX, contacts).then().statusCode(200)
                    .body("imported", equalTo(0)).body("updated", equalTo(0)).body("rejected.size()", equalTo(0));
            byte[] leads = admin().queryParam("format", format).get("/api/leads/export").then().statusCode(200)
                    .extract().asByteArray();
            JsonPath report = upload("/api/leads/import", format.equals("csv") ? "text/csv" : XLSX, leads).then()
                    .statusCode(200).body("imported", equalTo(0)).body("rejected.size()", equalTo(0)).extract().jsonPath();
            assertThat(report.getInt("duplicates")).isEqualTo(report.getInt("received"));
        }

        byte[] workbook = admin().accept(XLSX).get("/api/contacts/export").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("full_name");
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            XSSFRow row = null;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                if (sheet.getRow(i).getCell(0).getNumericCellValue() == contact) {
                    row = sheet.getRow(i);
                }
            }
            assertThat((Object) row).isNotNull();
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(6))).isTrue();
            assertThat(row.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(1975, 3, 8));
            assertThat(row.getCell(11).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(row.getCell(16).getStringCellValue()).isEqualTo("Asia/Omsk");
        }
        String csv = new String(admin().get("/api/contacts/export").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFid,full_name,phones").contains("\"line one, with comma; and \"\"quotes\"\"\"");
    }

    @Test
    void largeImportsRunInTheBackgroundWithProgress() throws Exception {
        String tag = unique("bulk");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("name,phone,tags\n".getBytes(StandardCharsets.UTF_8));
        int rows = 1500;
        long base = 9_000_000L + new java.util.Random().nextInt(800_000);
        for (int i = 0; i < rows; i++) {
            file.write(("Bulk " + i + ",+7922" + (base + i) + "," + tag + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Response started = upload("/api/contacts/import", "text/csv", file.toByteArray(), "async", true);
        started.then().statusCode(202);
        String location = started.header("Location");
        assertThat(location).contains("/api/imports/");
        JsonPath progress = null;
        for (int attempt = 0; attempt < 120; attempt++) {
            progress = admin().get(location.substring(location.indexOf("/api/"))).then().statusCode(200).extract().jsonPath();
            if (!"RUNNING".equals(progress.getString("status"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(progress.getString("status")).isEqualTo("DONE");
        assertThat(progress.getInt("received")).isEqualTo(rows);
        assertThat(progress.getInt("imported")).isEqualTo(rows);
        admin().queryParam("tag", tag).queryParam("size", 1).get("/api/contacts").then().body("total", equalTo(rows));
        String stranger = unique("op");
        createUser(stranger, List.of("OPERATOR"), freeExtension(), null);
        Api.as(stranger, stranger + "-pw").get(location.substring(location.indexOf("/api/"))).then().statusCode(404);
    }

    @Test
    void doNotCallNumbersImportToo() {
        String a = freeMobile();
        String file = "number,reason\n" + a + ",complained\n8" + a.substring(2) + ",same number again\nnonsense,\n";
        upload("/api/dnc/import", "text/csv", csv(file)).then().statusCode(200)
                .body("imported", equalTo(1)).body("duplicates", equalTo(1)).body("rejected[0].line", equalTo(4));
        admin().queryParam("number", a).get("/api/dnc/check").then().body("mayCall", equalTo(false));
    }
}
