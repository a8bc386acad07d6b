using System.Text.Json;

namespace Shared.Live;

/// <summary>One live update: a topic and a JSON payload, as it crossed (or could have crossed) instances.</summary>
public sealed record LiveEvent(string Topic, string Json)
{
    /// <summary>Reads the payload as <typeparamref name="T"/>.</summary>
    public T? Read<T>() => JsonSerializer.Deserialize<T>(Json, JsonSerializerOptions.Web);
}
