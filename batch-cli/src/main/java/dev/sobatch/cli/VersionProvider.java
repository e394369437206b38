package dev.sobatch.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar manifest (absent when run from classes). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return new String[] {"sobatch " + (version == null ? "(development build)" : version)};
    }
}
