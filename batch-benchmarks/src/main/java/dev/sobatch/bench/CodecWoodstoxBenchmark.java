package dev.sobatch.bench;

import org.openjdk.jmh.annotations.Fork;

/** The codec with Woodstox, found through the class path (it is there for CXF). */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g",
        "-Djavax.xml.stream.XMLInputFactory=com.ctc.wstx.stax.WstxInputFactory",
        "-Djavax.xml.stream.XMLOutputFactory=com.ctc.wstx.stax.WstxOutputFactory"})
public class CodecWoodstoxBenchmark extends CodecBenchmarks {
}
