using System.Runtime.CompilerServices;
using Contracts.Ai;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;
using Modules.Ai.Writing;

namespace Modules.Ai.Integrations.Providers;

/// <summary>
/// The built-in writer: no network, no key. It composes the letter from the post and the profile
/// (<see cref="LetterComposer"/>, described in docs/letters.md), picking evidence by meaning with the MiniLM sentence
/// model when it is enabled (<c>Ai:SemanticMatching</c>) and by shared words otherwise. The post is read as data:
/// its points are answered, a harmless "mention X" is honoured, and anything that tries to instruct the writer is set aside.
/// </summary>
internal sealed class OfflineWriter(ITextEmbedder? embedder = null) : ILetterProvider
{
    public const string Model = "offline-writer-2";

    public string Kind => AiProviderKinds.Offline;

    public async IAsyncEnumerable<ProviderChunk> StreamAsync(ProviderCall call, [EnumeratorCancellation] CancellationToken ct)
    {
        var letter = await WriteAsync(call.Prompt.Inputs, embedder, ct);
        // Streamed a few words at a time like a model, so the editor behaves the same whichever provider wrote.
        var words = letter.Split(' ');
        for (var i = 0; i < words.Length; i += 4)
        {
            ct.ThrowIfCancellationRequested();
            yield return new ProviderChunk(string.Join(' ', words.Skip(i).Take(4)) + (i + 4 < words.Length ? " " : ""));
            await Task.Yield();
        }
    }

    /// <summary>The letter, with evidence ranked by meaning when an embedder is given.</summary>
    public static async ValueTask<string> WriteAsync(LetterInputs inputs, ITextEmbedder? embedder, CancellationToken ct)
    {
        var reading = PostReader.Read(inputs.Job.Title, inputs.Job.Description, inputs.Questions);
        var candidates = LetterEvidence.Candidates(inputs.Profile);
        var scores = await LetterEvidence.ScoreAsync(embedder, LetterComposer.Queries(inputs, reading), candidates, ct);
        return LetterComposer.Compose(inputs, scores);
    }

    /// <summary>The letter, with evidence ranked by shared words (no model needed).</summary>
    public static string Write(LetterInputs inputs) => LetterComposer.Compose(inputs);

    /// <summary>
    /// A draft answer to one screening question, from the profile and the job: a portfolio link when the question asks
    /// for one, the rate, matching evidence, or an honest gap. It states nothing the profile does not hold.
    /// </summary>
    public static string Answer(JobPostingDetails job, FreelancerProfile? profile, string question) =>
        LetterComposer.Answer(new LetterInputs(job, profile, "professional", 300, [question], []), question);
}
