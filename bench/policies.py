#!/usr/bin/env python3
"""Request side of bench/policies.sh, standard library only.

  policies.py publish <url> <publishers.tsv>        create and publish the policies (region, token, count per line)
  policies.py province-policy <url> <token>         create and publish the province policy for 政策找人; prints its id
  policies.py threshold                             the default monitoring threshold from application.properties
  policies.py search-requests <window.txt> <publishers.tsv>   wrk request lines for policy search

Policies are drawn from a seeded choice of templates, so two runs on the same data publish the same set.
"""
import concurrent.futures
import json
import random
import re
import sys
import urllib.parse
import urllib.request
import uuid

CATEGORIES = {
    "HEALTH": ["医疗救助", "大病保险倾斜", "家庭医生签约", "慢性病门诊报销"],
    "EDUCATION": ["雨露计划", "教育资助", "助学贷款贴息", "营养改善计划"],
    "HOUSING": ["农村危房改造", "住房安全保障", "易地搬迁后续扶持"],
    "EMPLOYMENT": ["务工交通补贴", "技能培训补贴", "公益性岗位", "就业帮扶车间"],
    "INDUSTRY": ["产业奖补", "特色种养补助", "庭院经济扶持"],
    "MICROCREDIT": ["脱贫人口小额信贷", "创业担保贷款贴息"],
    "INSURANCE": ["防返贫保险", "农业保险保费补贴"],
    "SOCIAL_ASSISTANCE": ["最低生活保障", "特困人员救助供养", "临时救助", "残疾人两项补贴"],
    "OTHER": ["饮水安全巩固提升", "消费帮扶"],
}
WORDS = ["医疗", "救助", "教育", "雨露计划", "住房", "危房", "就业", "培训", "小额信贷", "保险", "低保", "残疾", "补贴",
         "产业", "务工", "监测对象", "防返贫", "临时救助", "贴息", "公益性岗位"]


def condition(rnd):
    """One of a few realistic condition shapes."""
    shapes = [
        {"all": [{"fact": "CATEGORY", "op": "IN", "values": ["MONITORED", "LIFTED"]},
                 {"member": {"all": [{"fact": "HEALTH", "op": "IN", "values": ["SERIOUS", "CHRONIC"]}]}}]},
        {"all": [{"fact": "CATEGORY", "op": "IN", "values": ["MONITORED"]},
                 {"fact": "RISK_TYPE", "op": "IN", "values": rnd.sample(["ILLNESS", "DISABILITY", "EDUCATION", "DISASTER", "UNSTABLE_EMPLOYMENT"], 2)}]},
        {"member": {"all": [{"fact": "DISABILITY_GRADE", "op": "LE", "number": 2}]}},
        {"all": [{"fact": "INCOME_THRESHOLD_RATIO", "op": "LE", "number": 1.5},
                 {"member": {"all": [{"fact": "AGE", "op": "GE", "number": 16}, {"fact": "AGE", "op": "LE", "number": 59},
                                     {"fact": "LABOR_ABILITY", "op": "IN", "values": ["NORMAL", "SKILLED"]}]}}]},
        {"any": [{"fact": "HOUSING_SAFE", "op": "IS_FALSE"}, {"fact": "WATER_SAFE", "op": "IS_FALSE"}]},
        {"all": [{"fact": "CATEGORY", "op": "IN", "values": ["LIFTED", "MONITORED"]},
                 {"member": {"fact": "AGE", "op": "GE", "number": 60}}]},
    ]
    return rnd.choice(shapes)


def call(url, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    req.add_header("Content-Type", "application/json")
    req.add_header("Idempotency-Key", str(uuid.uuid4()))
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"null")


def publish_one(url, token, body):
    p = call(url, token, "POST", "/api/policies", body)
    call(url, token, "POST", "/api/policies/%d/publish" % p["id"], {"version": p["version"]})
    return p["id"]


def policy_body(rnd, region, n):
    cat = rnd.choice(list(CATEGORIES))
    name = rnd.choice(CATEGORIES[cat])
    return {
        "title": "关于做好%s工作的通知（第%d号）（压测）" % (name, n),
        "issuer": "乡村振兴局",
        "regionCode": region,
        "category": cat,
        "effectiveFrom": "2025-01-01",
        "summary": "符合条件的农户可以申请%s，由村里帮助办理；%s和%s方面的问题可以咨询村干部。" % (name, rnd.choice(WORDS), rnd.choice(WORDS)),
        "benefit": "按规定享受%s" % name,
        "body": "<p>为巩固拓展脱贫攻坚成果，做好%s工作，现就有关事项通知如下。</p><p>一、对象范围：%s。</p><p>二、申请程序：本人申请，村级初审，乡镇审核。</p>"
                % (name, "、".join(rnd.sample(WORDS, 3))),
        "conditions": condition(rnd),
    }


def publish(url, publishers):
    rnd = random.Random(20261206)
    jobs = []
    with open(publishers) as f:
        for line in f:
            region, token, count = line.rstrip("\n").split("\t")
            for i in range(int(count)):
                jobs.append((token, policy_body(rnd, region, i + 1)))
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for fut in concurrent.futures.as_completed([pool.submit(publish_one, url, t, b) for t, b in jobs]):
            try:
                fut.result()
            except Exception as e:  # report and go on: one failure must not hide the rest of the figures
                failed += 1
                if failed <= 3:
                    print("publish failed:", e, file=sys.stderr)
    if failed:
        print("%d of %d policies failed" % (failed, len(jobs)), file=sys.stderr)


def province_policy(url, token):
    me = call(url, token, "GET", "/api/me")
    body = {
        "title": "关于对老年患病农户实施健康帮扶的通知（政策找人压测）",
        "issuer": "省乡村振兴局",
        "regionCode": me["regionCode"],
        "category": "HEALTH",
        "effectiveFrom": "2025-01-01",
        "summary": "家中有 60 岁以上患重病或慢性病的老人，且是监测对象或收入在监测范围 1.5 倍以内的农户，可享受健康帮扶。",
        "conditions": {"all": [
            {"any": [{"fact": "CATEGORY", "op": "IN", "values": ["MONITORED"]},
                     {"fact": "INCOME_THRESHOLD_RATIO", "op": "LT", "number": 1.5}]},
            {"member": {"all": [{"fact": "AGE", "op": "GE", "number": 60},
                                {"fact": "HEALTH", "op": "IN", "values": ["SERIOUS", "CHRONIC"]}]}}]},
    }
    print(publish_one(url, token, body))


def threshold():
    text = open("backend/src/main/resources/application.properties", encoding="utf-8").read()
    m = re.search(r"^dixian\.policy\.threshold-default\s*=\s*([0-9.]+)", text, re.M)
    print(m.group(1) if m else "7800")


def search_requests(window, publishers):
    rnd = random.Random(7)
    tokens = sorted({line.rstrip("\n").split("\t")[1] for line in open(window) if "\t" in line})
    tokens += [line.split("\t")[1] for line in open(publishers)]
    for _ in range(5000):
        q = urllib.parse.quote(rnd.choice(WORDS))
        print("/api/policies?q=%s&limit=20\t%s" % (q, rnd.choice(tokens)))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "publish":
        publish(sys.argv[2], sys.argv[3])
    elif cmd == "province-policy":
        province_policy(sys.argv[2], sys.argv[3])
    elif cmd == "threshold":
        threshold()
    elif cmd == "search-requests":
        search_requests(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
