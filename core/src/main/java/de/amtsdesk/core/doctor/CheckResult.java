package de.amtsdesk.core.doctor;

/** One line of the doctor's report. */
public record CheckResult(String check, Status status, String detail) {

    public enum Status { OK, FAIL, SKIP }

    public boolean failed() {
        return status == Status.FAIL;
    }

    public String line() {
        return String.format("%-4s %-12s %s", status, check, detail);
    }
}
