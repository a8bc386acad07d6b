using System.Diagnostics;

namespace FakeUpwork;

/// <summary>One request the fake saw.</summary>
/// <param name="Time">Real UTC time of arrival.</param>
/// <param name="FakeTime">The fake clock at arrival.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path.</param>
/// <param name="ClientIp">Remote IP.</param>
/// <param name="RootFields">Root fields the GraphQL operation selected (empty for other endpoints or unparsable queries).</param>
/// <param name="OperationName">GraphQL operation name, if any.</param>
/// <param name="VariablesJson">GraphQL variables as JSON, if any; for the token endpoint the grant_type.</param>
/// <param name="StatusCode">The response status.</param>
/// <param name="UserId">The Upwork user whose access token authenticated a GraphQL request (null when none did).</param>
public sealed record FakeRequestRecord(
    DateTimeOffset Time,
    DateTimeOffset FakeTime,
    string Method,
    string Path,
    string ClientIp,
    IReadOnlyList<string> RootFields,
    string? OperationName,
    string? VariablesJson,
    int StatusCode,
    string? UserId = null);

/// <summary>What the fake saw: counters, sliding-window maxima on real time (per IP) and a request log.</summary>
public sealed class FakeStats
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Queue<long>> _arrivals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _operations = new(StringComparer.Ordinal);
    private readonly List<FakeRequestRecord> _requests = [];
    private int _graphQl;
    private int _token;
    private int _rateLimited;
    private int _maxSecond;
    private int _maxMinute;

    /// <summary>Requests to /graphql (every one, whatever its answer).</summary>
    public int GraphQlRequests
    {
        get
        {
            lock (_sync)
            {
                return _graphQl;
            }
        }
    }

    /// <summary>Requests to the token endpoint.</summary>
    public int TokenRequests
    {
        get
        {
            lock (_sync)
            {
                return _token;
            }
        }
    }

    /// <summary>429 answers sent by the rate limiter itself (injected 429 faults are not counted).</summary>
    public int RateLimitedResponses
    {
        get
        {
            lock (_sync)
            {
                return _rateLimited;
            }
        }
    }

    /// <summary>The most requests one IP sent to the rate-limited endpoints within any one-second window (real time, rejected ones included).</summary>
    public int MaxRequestsInAnySecond
    {
        get
        {
            lock (_sync)
            {
                return _maxSecond;
            }
        }
    }

    /// <summary>The most requests one IP sent to the rate-limited endpoints within any sixty-second window.</summary>
    public int MaxRequestsInAnyMinute
    {
        get
        {
            lock (_sync)
            {
                return _maxMinute;
            }
        }
    }

    /// <summary>A snapshot of the request log (GraphQL, token and authorize requests).</summary>
    public IReadOnlyList<FakeRequestRecord> Requests
    {
        get
        {
            lock (_sync)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>How many GraphQL requests selected the root field (e.g. "marketplaceJobPostingsSearch").</summary>
    /// <param name="rootField">The root field name.</param>
    /// <returns>The count.</returns>
    public int OperationCount(string rootField)
    {
        lock (_sync)
        {
            return _operations.GetValueOrDefault(rootField);
        }
    }

    /// <summary>Clears every counter, window and the log.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _arrivals.Clear();
            _operations.Clear();
            _requests.Clear();
            _graphQl = _token = _rateLimited = _maxSecond = _maxMinute = 0;
        }
    }

    internal Dictionary<string, int> OperationCounts()
    {
        lock (_sync)
        {
            return new Dictionary<string, int>(_operations, StringComparer.Ordinal);
        }
    }

    internal void CountArrival(string ip, bool graphQl)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_sync)
        {
            if (graphQl)
            {
                _graphQl++;
            }
            else
            {
                _token++;
            }

            if (!_arrivals.TryGetValue(ip, out var queue))
            {
                _arrivals[ip] = queue = new Queue<long>();
            }

            queue.Enqueue(now);
            var minuteAgo = now - (Stopwatch.Frequency * 60);
            while (queue.Count > 0 && queue.Peek() <= minuteAgo)
            {
                queue.Dequeue();
            }

            var secondAgo = now - Stopwatch.Frequency;
            var inSecond = queue.Count(t => t > secondAgo);
            _maxSecond = Math.Max(_maxSecond, inSecond);
            _maxMinute = Math.Max(_maxMinute, queue.Count);
        }
    }

    internal void CountRateLimited()
    {
        lock (_sync)
        {
            _rateLimited++;
        }
    }

    internal void Record(FakeRequestRecord record)
    {
        lock (_sync)
        {
            _requests.Add(record);
            foreach (var field in record.RootFields.Distinct(StringComparer.Ordinal))
            {
                _operations[field] = _operations.GetValueOrDefault(field) + 1;
            }
        }
    }
}
