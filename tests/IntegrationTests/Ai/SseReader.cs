namespace IntegrationTests.Ai;

/// <summary>Reads a server-sent-events response into (event, data) pairs, as a browser's EventSource would.</summary>
internal static class SseReader
{
    public static async Task<List<(string Event, string Data)>> ReadAllAsync(HttpResponseMessage response)
    {
        var events = new List<(string, string)>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        var data = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0) events.Add((name ?? "message", data.ToString()));
                name = null;
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal)) name = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Append(line[5..].TrimStart());
        }
        if (data.Length > 0) events.Add((name ?? "message", data.ToString()));
        return events;
    }
}
