package org.switchboard.leads.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A contact as people write it. Phones in any written form; {@code kind} is {@code mobile}, {@code work} or
 * {@code home} (guessed from the number when left out). {@code timeZone} set overrides the zone of the main
 * number; null leaves the derived one. {@code version} is required on update.
 */
public record ContactInput(
        @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters long")
        String fullName,
        @Valid List<PhoneInput> phones,
        List<String> emails,
        Long companyId,
        @Size(max = 200, message = "must be at most 200 characters long") String position,
        LocalDate birthday,
        @Size(max = 200, message = "must be at most 200 characters long") String city,
        @Size(max = 4000, message = "must be at most 4000 characters long") String notes,
        List<String> tags,
        String sourceCampaign,
        ConsentInput consent,
        Boolean doNotCall,
        String owner,
        String timeZone,
        Long version) {

    public record PhoneInput(@NotBlank(message = "is required") String number, String kind) {
    }

    public record ConsentInput(Boolean given, @Size(max = 300, message = "must be at most 300 characters long") String source,
            LocalDate date) {
    }
}
