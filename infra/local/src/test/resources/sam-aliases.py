"""Prints, for template.yaml after cfn-lint's SAM transform, what every function's event sources invoke, one per line:
'<resource> <target>'; the target is the logical id the source references (an alias or the bare function)."""
import json
import re
import sys

from cfnlint.decode import decode
from cfnlint.template.transforms._sam import Transform

template, problems = decode(sys.argv[1])
if problems:
    sys.exit("cannot read %s: %s" % (sys.argv[1], problems))
transform = Transform(sys.argv[1], template, "us-east-1")
transform.transform_template()
for name, resource in transform._template["Resources"].items():
    kind, properties = resource["Type"], resource.get("Properties", {})
    if kind == "AWS::Lambda::EventSourceMapping":
        print(name, json.dumps(properties["FunctionName"]))
    elif kind == "AWS::Scheduler::Schedule":
        print(name, json.dumps(properties["Target"]["Arn"]))
    elif kind == "AWS::Lambda::Permission":
        print(name, json.dumps(properties["FunctionName"]))
    elif kind == "AWS::ApiGatewayV2::Api":
        for target in sorted(set(re.findall(r"\$\{(\w+)(?:\.Arn)?\}", json.dumps(properties.get("Body", {}))))):
            print(name, json.dumps(target))
