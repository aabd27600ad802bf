"""Runs the SAM transform (aws-sam-translator) on template.yaml (or template-aot.yaml) offline, as `sam validate` would.

Exits non-zero when the template does not turn into CloudFormation. Prints the resources it produced, or with
--json (first after the template) the whole transformed template as JSON, which the tests read.
Parameter values may follow the template as Name=Value (as `--parameter-overrides` takes them).
"""
import json
import os
import sys

import yaml
from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform


class CfnLoader(yaml.SafeLoader):
    """YAML loader that keeps CloudFormation short-form tags (!Ref, !Sub, !GetAtt) as their long forms."""


def _tag(loader, suffix, node):
    name = "Ref" if suffix == "Ref" else "Fn::" + suffix
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


CfnLoader.add_multi_constructor("!", _tag)


class NoManagedPolicies:
    """The template uses SAM policy templates only, so no AWS call is needed to resolve managed policies."""

    def load(self):
        return {}


def main(path, overrides=(), as_json=False):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with open(path, encoding="utf-8") as f:
        template = yaml.load(f, Loader=CfnLoader)
    # `sam package` would upload the local CodeUri; stand in an S3 location, as `sam validate` does.
    placeholder = "s3://placeholder-bucket/newsroom-comments-lambda.zip"
    template.get("Globals", {}).get("Function", {})["CodeUri"] = placeholder
    # `sam build` of an image function (template-aot.yaml) writes the built image's URI; stand in one.
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/newsroom-comments:aot"
    for resource in template["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function" and "CodeUri" in resource.get("Properties", {}):
            resource["Properties"]["CodeUri"] = placeholder
        if resource["Type"] == "AWS::Serverless::Function" and resource["Properties"].get("PackageType") == "Image":
            resource["Properties"]["ImageUri"] = image
    try:
        parameters = dict(override.split("=", 1) for override in overrides)
        output = transform(template, parameters, NoManagedPolicies())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print("SAM transform error:", cause.message)
        return 1
    if as_json:
        json.dump(output, sys.stdout)
        return 0
    kinds = sorted({r["Type"] for r in output["Resources"].values()})
    print(f"SAM transform OK: {len(output['Resources'])} resources ({', '.join(kinds)})")
    json.dumps(output)
    return 0


if __name__ == "__main__":
    args = sys.argv[2:]
    as_json = bool(args) and args[0] == "--json"
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "template.yaml", args[1:] if as_json else args, as_json))
