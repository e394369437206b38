package dev.sobatch.bench;

import dev.sobatch.bench.cxf.generated.BatchTaskInfo;
import dev.sobatch.bench.cxf.generated.ObjectFactory;
import dev.sobatch.bench.cxf.generated.SoCredentials;
import dev.sobatch.bench.cxf.generated.StartBatchJob;
import dev.sobatch.bench.cxf.generated.StringDictionary;
import java.util.Map;

/** {@link Payloads#TASK} in the WSDL-generated classes used by contenders (d) and (e). */
final class CxfPayloads {
    private static final ObjectFactory FACTORY = new ObjectFactory();

    private CxfPayloads() {
    }

    static SoCredentials credentials() {
        SoCredentials c = new SoCredentials();
        c.setTicket(FACTORY.createSoCredentialsTicket(Payloads.TICKET));
        return c;
    }

    static StartBatchJob startRequest() {
        StartBatchJob request = new StartBatchJob();
        request.setBatchTaskInfo(FACTORY.createStartBatchJobBatchTaskInfo(task()));
        return request;
    }

    static BatchTaskInfo task() {
        BatchTaskInfo info = new BatchTaskInfo();
        info.setId(Payloads.TASK.id());
        info.setName(FACTORY.createBatchTaskInfoName(Payloads.TASK.name()));
        info.setAssociateId(Payloads.TASK.associateId());
        info.setIsSystemTask(Payloads.TASK.isSystemTask());
        StringDictionary parameters = new StringDictionary();
        for (Map.Entry<String, String> p : Payloads.TASK.parameters().asMap().entrySet()) {
            StringDictionary.StringKeyValuePair pair = new StringDictionary.StringKeyValuePair();
            pair.setKey(p.getKey());
            pair.setValue(p.getValue());
            parameters.getStringKeyValuePair().add(pair);
        }
        info.setParameterObject(FACTORY.createBatchTaskInfoParameterObject(parameters));
        info.setStartCount(Payloads.TASK.startCount());
        info.setDescription(FACTORY.createBatchTaskInfoDescription(Payloads.TASK.description()));
        info.setProgressPercent(Payloads.TASK.progressPercent());
        return info;
    }
}
