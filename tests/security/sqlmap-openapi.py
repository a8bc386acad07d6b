#!/usr/bin/env python3
"""Runs sqlmap (Debian package `sqlmap`) once against every API operation with parameters, as a signed-in user.

Usage: tests/security/sqlmap-openapi.py BASE_URL ACCESS_TOKEN [OUT_DIR]
  BASE_URL      a running app, e.g. http://127.0.0.1:5077 (any database; PostgreSQL is the interesting one)
  ACCESS_TOKEN  a user's bearer token from POST /api/v1/auth/login (data.accessToken)
Reads the app's own OpenAPI document (/openapi/v1.json), fills each operation's path, query and JSON body with
sample values of the declared types, marks path parameters as injection points, and prints one line per operation
and a summary. Boolean, error, UNION and stacked techniques at level 1 / risk 1; erasing the account and signing
out are skipped so the token stays valid. Issue 17 asked for one run with zero injectable parameters.
"""
import json, subprocess, uuid, re, sys, urllib.request
base = sys.argv[1].rstrip('/')
tok = sys.argv[2]
out_dir = sys.argv[3] if len(sys.argv) > 3 else '/tmp/sqlmap-out'
d = json.load(urllib.request.urlopen(base + '/openapi/v1.json'))
comps = d.get('components', {}).get('schemas', {})
def resolve(s):
    while isinstance(s, dict) and '$ref' in s: s = comps.get(s['$ref'].split('/')[-1], {})
    return s or {}
def sample(s, depth=0):
    s = resolve(s)
    t = s.get('type'); 
    if isinstance(t, list): t = [x for x in t if x != 'null'][0] if [x for x in t if x != 'null'] else 'string'
    if 'enum' in s: return s['enum'][0]
    if t == 'object' or 'properties' in s:
        if depth > 3: return {}
        return {k: sample(v, depth+1) for k, v in s.get('properties', {}).items()}
    if t == 'array': return [sample(s.get('items', {}), depth+1)] if depth < 3 else []
    if t in ('integer', 'number'): return 1
    if t == 'boolean': return True
    f = s.get('format', '')
    if f == 'uuid': return str(uuid.uuid4())
    if f == 'date-time': return '2026-12-01T00:00:00Z'
    if f == 'date': return '2026-12-01'
    return 'test'
skip = [('delete', '/api/v1/identity/account'), ('post', '/api/v1/auth/logout')]
results = []
for path, item in d['paths'].items():
    for m, op in item.items():
        if m not in ('get', 'post', 'put', 'delete', 'patch'): continue
        if (m, path) in skip or 'sessions' in path and m == 'delete': continue
        params = op.get('parameters', []) + item.get('parameters', [])
        qs = []; p = path
        for prm in params:
            val = str(sample(prm.get('schema', {})))
            if prm['in'] == 'path': p = p.replace('{' + prm['name'] + '}', val + '*').replace('{' + prm['name'] + ':guid}', val + '*')
            elif prm['in'] == 'query': qs.append(f"{prm['name']}={val}")
        p = re.sub(r'\{[^}]+\}', str(uuid.uuid4()) + '*', p)
        body = None
        rb = op.get('requestBody', {}).get('content', {})
        if 'application/json' in rb: body = json.dumps(sample(rb['application/json'].get('schema', {})))
        if not qs and not body and '*' not in p: continue
        url = base + p + ('?' + '&'.join(qs) if qs else '')
        args = ['sqlmap', '-u', url, '--method', m.upper(), '-H', f'Authorization: Bearer {tok}', '--batch', '--level', '1', '--risk', '1',
                '--technique', 'BEUS', '--flush-session', '--disable-coloring', '--threads', '2', '--output-dir', out_dir]
        if body: args += ['--data', body, '-H', 'Content-Type: application/json']
        try:
            out = subprocess.run(args, capture_output=True, text=True, timeout=180).stdout
        except subprocess.TimeoutExpired:
            out = 'TIMEOUT'
        inj = 'is vulnerable' in out or 'sqlmap identified the following injection point' in out
        tested = len(re.findall(r"testing '", out))
        results.append((m.upper(), path, inj, tested, 'TIMEOUT' if out == 'TIMEOUT' else ''))
        print(f"{m.upper():6} {path:60} injectable={inj} tests={tested} {results[-1][4]}", flush=True)
print('SUMMARY operations', len(results), 'injectable', sum(1 for r in results if r[2]), 'timeouts', sum(1 for r in results if r[4]))
