package dev.sobatch.cli;

import dev.sobatch.soap.SoapVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 1.1} or {@code 1.2}. */
final class SoapVersionConverter implements ITypeConverter<SoapVersion> {

    @Override
    public SoapVersion convert(String value) {
        switch (value.trim()) {
            case "1.1": return SoapVersion.SOAP_11;
            case "1.2": return SoapVersion.SOAP_12;
            default: throw new TypeConversionException("'" + value + "' is not a SOAP version (use 1.1 or 1.2)");
        }
    }
}
