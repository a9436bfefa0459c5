#!/usr/bin/env python3
"""Process-test coverage of our processes (bpmn/*.bpmn), over all test classes: reads the events recorded in
target/process-test-coverage/*/report.json (camunda-process-test-coverage) and prints, per process, the flow nodes
and sequence flows covered, with what is missing. Test-only processes are left out.
  python3 .ci/coverage.py [--missing]
"""
import glob, json, sys
import xml.etree.ElementTree as ET

B = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
NODES = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "task",
         "userTask", "serviceTask", "scriptTask", "businessRuleTask", "sendTask", "receiveTask", "manualTask",
         "callActivity", "subProcess", "exclusiveGateway", "parallelGateway", "inclusiveGateway",
         "eventBasedGateway"}

covered, processes = {}, {}
for path in glob.glob("bpmn/*.bpmn"):
    for process in ET.parse(path).getroot().iter(B + "process"):
        processes[process.get("id")] = process
for path in glob.glob("target/process-test-coverage/*/report.json"):
    report = json.load(open(path))
    for suite in report["suites"]:
        for run in suite["runs"]:
            for event in run["events"]:
                covered.setdefault(event["modelKey"], set()).add(event["definitionKey"])

show_missing = "--missing" in sys.argv
for key in sorted(processes):
    process = processes[key]
    elements = {e.get("id") for e in process.iter() if e.tag.replace(B, "") in NODES | {"sequenceFlow"}}
    hit = elements & covered.get(key, set())
    print(f"{key}: {len(hit)}/{len(elements)} flow nodes and sequence flows covered ({100 * len(hit) / len(elements):.1f} %)")
    if show_missing and hit != elements:
        print("  missing: " + ", ".join(sorted(elements - hit)))
