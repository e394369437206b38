package dev.sobatch.model.message;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Body of SoPrincipal's AuthenticateUsernamePassword. {@link #toString()} never shows the password. */
@XmlRootElement(name = "AuthenticateUsernamePassword")
@XmlType(name = "", propOrder = {"userName", "password"})
public final class AuthenticateUsernamePassword {
    @XmlElement(name = "UserName", nillable = true)
    private String userName;
    @XmlElement(name = "Password", nillable = true)
    private String password;

    AuthenticateUsernamePassword() {
    }

    public static AuthenticateUsernamePassword of(String userName, String password) {
        AuthenticateUsernamePassword r = new AuthenticateUsernamePassword();
        r.userName = userName;
        r.password = password;
        return r;
    }

    public String userName() {
        return userName;
    }

    /** The password; a secret. */
    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return "AuthenticateUsernamePassword[userName=" + userName + ", password=***]";
    }
}
