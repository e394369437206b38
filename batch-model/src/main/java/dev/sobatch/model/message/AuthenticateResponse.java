package dev.sobatch.model.message;

import dev.sobatch.model.SoCredentials;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * SoPrincipal's AuthenticateResponse: whether authentication succeeded and the ticket it issued. Of the
 * principal only the associate is read; the rest of {@code SoPrincipalCarrier} is skipped.
 */
@XmlType(name = "", propOrder = {"principal", "credentials", "authenticationSucceeded"})
public final class AuthenticateResponse {
    @XmlElement(name = "Response", nillable = true)
    private Principal principal;
    @XmlElement(name = "Credentials", nillable = true)
    private SoCredentials credentials;
    @XmlElement(name = "AuthenticationSucceeded")
    private boolean authenticationSucceeded;

    AuthenticateResponse() {
    }

    /** A successful answer carrying this ticket. */
    public static AuthenticateResponse succeeded(String ticket, int associateId, String associate) {
        AuthenticateResponse r = new AuthenticateResponse();
        r.principal = new Principal();
        r.principal.associate = associate;
        r.principal.associateId = associateId;
        r.credentials = SoCredentials.ofTicket(ticket);
        r.authenticationSucceeded = true;
        return r;
    }

    /** A refusal: no ticket. */
    public static AuthenticateResponse failed() {
        return new AuthenticateResponse();
    }

    public boolean authenticationSucceeded() {
        return authenticationSucceeded;
    }

    /** The issued ticket (a secret), or {@code null}. */
    public String ticket() {
        return credentials == null ? null : credentials.ticket();
    }

    public int associateId() {
        return principal == null ? 0 : principal.associateId;
    }

    public String associate() {
        return principal == null ? null : principal.associate;
    }

    @Override
    public String toString() {
        return "AuthenticateResponse[succeeded=" + authenticationSucceeded + ", associate=" + associate() + "]";
    }

    /** The few fields of {@code SoPrincipalCarrier} the SDK uses, in the schema's order. */
    @XmlType(name = "SoPrincipalCarrier", propOrder = {"associate", "associateId"})
    static final class Principal {
        @XmlElement(name = "Associate", nillable = true)
        private String associate;
        @XmlElement(name = "AssociateId")
        private int associateId;
    }
}
