package dev.sobatch.soap;

import dev.sobatch.model.Namespaces;
import dev.sobatch.model.message.AuthenticateResponse;
import dev.sobatch.model.message.AuthenticateUsernamePassword;
import javax.xml.namespace.QName;

/** The one Services88 {@code SoPrincipal.svc} operation the SDK uses: where tickets come from. */
public enum SoPrincipalOperation implements SoapOperation {
    AUTHENTICATE_USERNAME_PASSWORD;

    private static final QName REQUEST = new QName(Namespaces.SERVICES88, "AuthenticateUsernamePassword");
    private static final QName RESPONSE = new QName(Namespaces.SERVICES88, "AuthenticateResponse");

    @Override
    public String operationName() {
        return "AuthenticateUsernamePassword";
    }

    @Override
    public String action() {
        return "http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateUsernamePassword";
    }

    @Override
    public QName requestElement() {
        return REQUEST;
    }

    @Override
    public QName responseElement() {
        return RESPONSE;
    }

    @Override
    public Class<?> requestType() {
        return AuthenticateUsernamePassword.class;
    }

    @Override
    public Class<?> responseType() {
        return AuthenticateResponse.class;
    }

    /** Authenticating twice only issues a second ticket. */
    @Override
    public boolean idempotent() {
        return true;
    }
}
