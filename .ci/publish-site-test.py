"""Runs scripts/publish-site.sh against an in-process AWS stand-in (moto) and checks what it published.

A stack holding the outputs the real template gives (bucket, distribution, client id, sign-in domain) is made in
the stand-in; the script must copy every file of web/, write the console's config.json from those outputs
(same-origin API, the stack's client and sign-in endpoints), mark pages and config no-cache, and invalidate.
Exits non-zero on any difference.
"""
import json
import logging
import os
import pathlib
import subprocess
import sys

import boto3
from moto.server import ThreadedMotoServer

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    env = dict(os.environ, AWS_ENDPOINT_URL=endpoint, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
               AWS_REGION="us-east-1", AWS_DEFAULT_REGION="us-east-1", AWS_PAGER="")
    try:
        kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
        s3 = boto3.client("s3", **kw)
        cloudfront = boto3.client("cloudfront", **kw)
        s3.create_bucket(Bucket="site-files")
        s3.put_object(Bucket="site-files", Key="stale.js", Body=b"old")
        distribution = cloudfront.create_distribution(DistributionConfig={
            "CallerReference": "publish-site-test", "Comment": "", "Enabled": True,
            "Origins": {"Quantity": 1, "Items": [{"Id": "files", "DomainName": "site-files.s3.amazonaws.com",
                                                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
            "DefaultCacheBehavior": {"TargetOriginId": "files", "ViewerProtocolPolicy": "redirect-to-https",
                                     "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
                                     "MinTTL": 0}})["Distribution"]["Id"]
        outputs = {"SiteBucketName": "site-files", "SiteDistributionId": distribution,
                   "UserPoolClientId": "client123", "ManagedLoginDomain": "https://news.auth.us-east-1.amazoncognito.com",
                   "SiteUrl": "https://d1.cloudfront.net/", "ConsoleUrl": "https://d1.cloudfront.net/moderate.html",
                   "WidgetSnippet": "<script src=...>"}
        template = {"Resources": {"Placeholder": {"Type": "AWS::SNS::Topic"}},
                    "Outputs": {k: {"Value": v} for k, v in outputs.items()}}
        boto3.client("cloudformation", **kw).create_stack(StackName="newsroom-test", TemplateBody=json.dumps(template))

        run = subprocess.run(["bash", str(ROOT / "scripts/publish-site.sh"), "newsroom-test"], env=env,
                             capture_output=True, text=True, timeout=300)
        print(run.stdout, end="")
        check(run.returncode == 0, f"publish-site.sh exited {run.returncode}: {run.stderr}")

        published = {o["Key"] for o in s3.list_objects_v2(Bucket="site-files").get("Contents", [])}
        local = {p.relative_to(ROOT / "web").as_posix() for p in (ROOT / "web").rglob("*") if p.is_file()}
        check(local <= published, f"not published: {sorted(local - published)}")
        check("stale.js" not in published, "a file gone from web/ stays in the bucket")

        config = json.loads(s3.get_object(Bucket="site-files", Key="console/config.json")["Body"].read())
        login = outputs["ManagedLoginDomain"]
        check(config == {"api": "", "clientId": "client123", "authorize": login + "/oauth2/authorize",
                         "token": login + "/oauth2/token", "revoke": login + "/oauth2/revoke",
                         "logout": login + "/logout", "scope": "openid email profile"}, f"config.json: {config}")
        check(s3.head_object(Bucket="site-files", Key="console/config.json")["CacheControl"] == "no-cache", "config cached")
        check(s3.head_object(Bucket="site-files", Key="moderate.html")["CacheControl"] == "no-cache", "console page cached")
        for key in published:
            cache = s3.head_object(Bucket="site-files", Key=key).get("CacheControl", "")
            fresh = key.endswith((".html", ".js", ".css", ".json"))
            check(cache == ("no-cache" if fresh else "public, max-age=86400"), f"{key}: Cache-Control {cache!r}")
        invalidations = cloudfront.list_invalidations(DistributionId=distribution)["InvalidationList"]
        check(invalidations.get("Quantity", 0) >= 1, "no invalidation")
        print(f"publish-site: OK ({len(published)} files, config.json from the stack's outputs, invalidated)")
    finally:
        server.stop()


def check(condition, message):
    if not condition:
        print("publish-site: FAIL:", message, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
