using System.Text.RegularExpressions;
using FakeAi.Text;

namespace FakeAi.Http;

/// <summary>What one answer will say, and how it will be streamed; the script's settings are read once, here.</summary>
internal sealed partial record ReplyPlan(string Text, bool Truncated, FakeUsage Usage, IReadOnlyList<string> Chunks, TimeSpan ChunkDelay)
{
    [GeneratedRegex(@"\s*\S+")]
    private static partial Regex Word();

    public static ReplyPlan Create(FakeAiRequest request, FakeAiScript script)
    {
        var (text, truncated) = Tokens.Truncate(script.Reply(request) ?? "", request.MaxTokens);
        var usage = script.Usage?.Invoke(request)
            ?? new FakeUsage(Tokens.ForChars(request.InputChars), Tokens.ForChars(text.Length));
        return new ReplyPlan(text, truncated, usage, Chunk(text, script.ChunkSize), script.ChunkDelay);
    }

    /// <summary>Groups words (each with the whitespace before it) by <paramref name="size"/>; the chunks add up to the text exactly.</summary>
    internal static List<string> Chunk(string text, int size)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        var covered = words.Sum(w => w.Length);
        if (covered < text.Length)
        {
            if (words.Count == 0)
            {
                words.Add(text);
            }
            else
            {
                words[^1] += text[covered..];
            }
        }

        return [.. words.Chunk(size).Select(c => string.Concat(c))];
    }
}
