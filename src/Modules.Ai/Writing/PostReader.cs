using System.Net;
using System.Text.RegularExpressions;

namespace Modules.Ai.Writing;

/// <summary>What a sentence of the post asks of the freelancer.</summary>
internal enum PostPointKind { Deliverable, Question, Pain, Constraint }

/// <summary>One point of the post, in the post's order, with the words a letter that answers it would use.</summary>
internal sealed record PostPoint(PostPointKind Kind, string Text, IReadOnlyList<string> Keywords);

/// <summary>
/// What the post asks for: its points in order, the harmless words it asks applicants to mention or start with, and
/// the sentences set aside as attempts to steer the writer (never obeyed, never quoted).
/// </summary>
internal sealed record PostReading(IReadOnlyList<PostPoint> Points, IReadOnlyList<string> Mentions, string? StartWith, IReadOnlyList<string> Ignored)
{
    public IEnumerable<PostPoint> Of(PostPointKind kind) => Points.Where(p => p.Kind == kind);
}

/// <summary>
/// Reads a job post the way a careful applicant does: deliverables, the client's questions, stated pains and
/// constraints (deadline, stack, budget), and the "mention X" / "start your reply with X" tests clients use to spot
/// copy-paste bids. The post is a stranger's text: a sentence that tries to instruct the writer (ignore rules, reveal
/// the prompt, write something else, claim something) is set aside, and a "mention" is honoured only when what it asks
/// for is a short plain word or phrase — never a link, an address, or an instruction of its own.
/// </summary>
internal static partial class PostReader
{
    public const int MaxPoints = 12;
    private const int MaxPointChars = 240;

    public static PostReading Read(string title, string? description, IReadOnlyList<string>? screeningQuestions = null)
    {
        var points = new List<PostPoint>();
        var mentions = new List<string>();
        var ignored = new List<string>();
        string? startWith = null;
        var section = PostPointKind.Deliverable;
        var inListSection = false;

        foreach (var rawLine in Clean(description ?? "").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0) { inListSection = false; continue; }
            var bullet = Bullet().IsMatch(line);
            line = Bullet().Replace(line, "").Trim();
            if (Heading().Match(line) is { Success: true } h && line.EndsWith(':'))
            {
                inListSection = true;
                section = h.Groups["q"].Success ? PostPointKind.Question : h.Groups["c"].Success ? PostPointKind.Constraint : PostPointKind.Deliverable;
                continue;
            }
            PostPointKind? lineSection = bullet ? (inListSection ? section : PostPointKind.Deliverable) : null;
            if (Labelled().Match(line) is { Success: true } lab && Heading().Match(lab.Groups["label"].Value) is { Success: true } lh)
            {
                lineSection = lh.Groups["q"].Success ? PostPointKind.Question : lh.Groups["c"].Success ? PostPointKind.Constraint : PostPointKind.Deliverable;
                line = lab.Groups["rest"].Value;
            }
            foreach (var sentence in Sentences(line))
            {
                if (Instruction().Match(sentence) is { Success: true } m)
                {
                    var payload = Payload(m.Groups["x"].Value);
                    if (payload is null || Injection().IsMatch(sentence) || BadPayloadWord().IsMatch(sentence[m.Index..m.Groups["x"].Index]))
                    {
                        ignored.Add(sentence);
                        continue;
                    }
                    if (m.Groups["start"].Success) startWith ??= payload;
                    else if (!mentions.Contains(payload, StringComparer.OrdinalIgnoreCase)) mentions.Add(payload);
                    continue;
                }
                if (Injection().IsMatch(sentence)) { ignored.Add(sentence); continue; }
                var kind = Classify(sentence, lineSection);
                if (kind is null || sentence.Length > MaxPointChars) continue;
                var keywords = Keywords(sentence);
                if (keywords.Count == 0) continue;
                if (points.Count < MaxPoints) points.Add(new PostPoint(kind.Value, sentence, keywords));
            }
        }
        foreach (var q in screeningQuestions ?? [])
        {
            var question = Clean(q).Replace('\n', ' ').Trim();
            if (question.Length == 0 || question.Length > MaxPointChars) continue;
            if (Injection().IsMatch(question)) { ignored.Add(question); continue; }
            var keywords = Keywords(question);
            if (keywords.Count > 0 && !points.Any(p => string.Equals(p.Text, question, StringComparison.OrdinalIgnoreCase)) && points.Count < MaxPoints + 5)
                points.Add(new PostPoint(PostPointKind.Question, question, keywords));
        }
        // A post with nothing else still has its title: that is the deliverable.
        if (!points.Any(p => p.Kind == PostPointKind.Deliverable) && Clean(title).Trim() is { Length: > 0 } t && !Injection().IsMatch(t) && t.Length <= MaxPointChars)
            points.Insert(0, new PostPoint(PostPointKind.Deliverable, t, Keywords(t)));
        return new PostReading(points, mentions.Take(3).ToList(), startWith, ignored);
    }

    /// <summary>The post's content words, skill names kept as written ("C#", "Node.js"), most telling first.</summary>
    public static List<string> Keywords(string text) =>
        Word().Matches(text).Select(m => m.Value.TrimEnd('.', '-', '\''))
            .Where(w => w.Length >= 3 && !Stop.Contains(w.ToLowerInvariant()) && !w.All(char.IsDigit) && !CodeLike(w))
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(8).ToList();

    /// <summary>
    /// An id, hash or code word rather than a word ("a1b2c3d4e5", "ref8d1f44ef42"): never a topic the letter names. Such
    /// tokens are also what identifies a post most, so keeping them out of the letter's own phrases keeps the letter the
    /// user's once the post expires (docs/data-retention.md). "S3", "GA4", "OAuth2" and "ISO27001" stay words.
    /// </summary>
    internal static bool CodeLike(string word)
    {
        if (!word.Any(char.IsDigit)) return false;
        if (word.Length >= 10) return true;
        var changes = 0;
        for (var i = 1; i < word.Length; i++)
            if (char.IsDigit(word[i]) != char.IsDigit(word[i - 1])) changes++;
        return changes >= 3;
    }

    /// <summary>True when <paramref name="text"/> covers <paramref name="point"/>: it uses at least half of its first four keywords.</summary>
    public static bool Covers(string text, PostPoint point)
    {
        var key = point.Keywords.Take(4).ToList();
        if (key.Count == 0) return true;
        var hits = key.Count(k => LetterQuality.Mentions(text, k) || (k.Length > 5 && text.Contains(k[..^2], StringComparison.OrdinalIgnoreCase)));
        return hits * 2 >= key.Count;
    }

    /// <summary>Plain text: markup and entities gone, no control characters, one sentence per line where the post had bullets.</summary>
    public static string Clean(string text)
    {
        var s = ScriptBlocks().Replace(text, " ");
        s = WebUtility.HtmlDecode(Tags().Replace(s, m =>
            m.Value.StartsWith("<li", StringComparison.OrdinalIgnoreCase) ? "\n- "
            : m.Value.StartsWith("<br", StringComparison.OrdinalIgnoreCase) || m.Value.StartsWith("<p", StringComparison.OrdinalIgnoreCase) || m.Value.StartsWith("<div", StringComparison.OrdinalIgnoreCase) || m.Value.StartsWith("</", StringComparison.OrdinalIgnoreCase) && Block().IsMatch(m.Value) ? "\n" : " "));
        s = Tags().Replace(s, " ");   // entities that decoded into tags
        s = new string(s.Where(c => c == '\n' || !char.IsControl(c)).ToArray());
        s = s.Replace('\u201c', '"').Replace('\u201d', '"').Replace('\u2018', '\'').Replace('\u2019', '\'');
        return Spaces().Replace(s, " ");
    }

    private static IEnumerable<string> Sentences(string line) =>
        SentenceEnd().Split(line).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static PostPointKind? Classify(string sentence, PostPointKind? section)
    {
        if (sentence.EndsWith('?') || QuestionStart().IsMatch(sentence)) return PostPointKind.Question;
        if (section is { } s) return s;
        if (ConstraintMarker().IsMatch(sentence) && !StrongVerb().IsMatch(sentence)) return PostPointKind.Constraint;
        if (Pain().IsMatch(sentence)) return PostPointKind.Pain;
        if (DeliverableVerb().IsMatch(sentence)) return PostPointKind.Deliverable;
        if (ConstraintMarker().IsMatch(sentence) || Audience().IsMatch(sentence)) return PostPointKind.Constraint;
        return null;
    }

    /// <summary>The word or phrase a "mention X" asks for, when it is harmless: 1–4 plain words, no link, no instruction.</summary>
    private static string? Payload(string raw)
    {
        var x = raw.Trim();
        if (x.Length > 0 && x[0] is '"' or '\'') x = x.Trim('"', '\'');
        else x = UnquotedEnd().Split(x)[0];
        x = x.Trim().Trim('"', '\'', '`', '*', '.', ',', ':', ';', '!', ' ');
        if (x.Length is 0 or > 40) return null;
        if (!SafePayload().IsMatch(x)) return null;
        if (x.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 4) return null;
        return BadPayloadWord().IsMatch(x) ? null : x;
    }

    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "for", "with", "that", "this", "you", "your", "our", "ours", "are", "was", "were", "will", "would", "can", "could",
        "have", "has", "had", "who", "what", "which", "when", "where", "how", "why", "not", "but", "from", "into", "onto", "about",
        "need", "needs", "needed", "want", "wants", "looking", "someone", "somebody", "person", "freelancer", "developer", "expert",
        "should", "must", "also", "all", "any", "some", "more", "most", "very", "just", "like", "then", "than", "there", "their",
        "they", "them", "these", "those", "it's", "its", "we're", "we've", "i'm", "i've", "you'll", "you're", "able", "please",
        "help", "project", "job", "work", "working", "make", "sure", "good", "great", "new", "one", "two", "get", "use", "using",
        "been", "being", "does", "did", "done", "each", "other", "over", "out", "per", "via", "let", "know", "well", "much", "many",
        "ideally", "currently", "experience", "experienced", "previous", "please", "thanks", "thank", "hello", "hi", "etc", "already",
        "still", "within", "while", "only", "both", "same", "own", "may", "might", "set", "build", "create", "looking",
        "tell", "share", "show", "describe", "explain", "something", "anything", "things", "thing", "deliverables", "designer", "start",
        "simple", "quick", "someone's", "would", "like", "give", "take", "everything", "nothing", "really", "maybe", "roughly", "about",
    };

    [GeneratedRegex(@"<[^<>]{0,300}>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<\s*(script|style|iframe|object|template)\b.*?(?:<\s*/\s*\1\s*>|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptBlocks();

    [GeneratedRegex(@"^</\s*(?:p|div|ul|ol|li|h\d)\s*>$", RegexOptions.IgnoreCase)]
    private static partial Regex Block();

    [GeneratedRegex(@"^(?<label>[A-Za-z][A-Za-z '/&-]{1,30}):\s+(?<rest>.+)$")]
    private static partial Regex Labelled();

    [GeneratedRegex(@"[ \t\u00a0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*(?:[-*•▪◦·–]|\d{1,2}[.)])\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[""'(]?[A-Z0-9])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:(?<q>questions?|screening|please answer|to apply)|(?<c>requirements?|constraints?|timeline|deadline|budget|must[- ]haves?|nice to have|tech(?:nology)? stack|stack)|deliverables?|scope|what (?:you(?:'ll| will)|we need|needs doing)|responsibilities|tasks?|you will|the work|goals?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:have|has|do|does|did|can|could|would|will|are|is|what|how|which|when|why|where|who|tell us|tell me|describe|share|explain|please (?:share|describe|explain|tell|include|list|mention|confirm|let us know)|mention your|include your|let us know)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"\b(?:currently|right now|at the moment|problem|issue|struggl\w*|slow|broke|broken|fails?|failing|failed|crash\w*|frustrat\w*|pain|keeps? (?:breaking|failing|crashing)|doesn't|does not|don't|can't|cannot|not working|errors?|bugs?|too (?:long|slow|much|many)|losing|lost|by hand|manual(?:ly)?|messy|outdated|legacy|complain\w*|drop(?:s|ped)? off|hours? every|suspect\w*|we think|never|grew|doubled|tripled|too high|expensive|takes? (?:hours|half a day|a day|days|forever|ages)|every (?:monday|morning|week|night)|keeps? \w+ing|hitting|hits? (?:the |its |our )?(?:api )?limits?|runs? into)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pain();

    [GeneratedRegex(@"\b(?:need|needs|want|looking for|build|create|develop|design|implement|migrate|set up|setup|integrate|audit|review|fix|refactor|automate|write|deliver|produce|convert|optimi[sz]e|deploy|configure|clean|analy[sz]e|redesign|test|document|train|scrape|sync|connect|add|improve|replace|prepare|reconcile|translate|edit|record|model|port|upgrade|move|keep|ensure|make sure|handle|support|maintain|manage|update|rebuild|launch|ship|draft|should|must|required|has to|have to|deliverables?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeliverableVerb();

    [GeneratedRegex(@"\b(?:build|create|develop|design|implement|migrate|set up|setup|integrate|audit|review|fix|refactor|automate|write|deliver|produce|convert|optimi[sz]e|deploy|configure|clean|analy[sz]e|redesign|document|train|scrape|sync|connect|improve|replace|reconcile|translate|rebuild|launch)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrongVerb();

    [GeneratedRegex(@"\b(?:customers|users|audience|clients|readers|visitors|buyers|staff|employees|team)\b\s+(?:are|include|is|rely|use)|not technical|non-technical|plain english|explain things", RegexOptions.IgnoreCase)]
    private static partial Regex Audience();

    [GeneratedRegex(@"\b(?:deadline|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|end of|the end|next)|within \d+|in \d+ (?:days|weeks)|asap|urgent\w*|budget|\$\s?\d|fixed[- ]price|hourly|must (?:use|be|have|work)|time ?zone|overlap|hours? (?:per|a) week|\b(?:EST|PST|CET|UTC|GMT)\b|NDA|long[- ]term|start (?:date|immediately|next)|timeline|time ?frame|\d+\s+(?:days|weeks|months)\b|must not|may not|nothing may|without (?:downtime|breaking|losing|hurting)|downtime|not technical|explain things)", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintMarker();

    /// <summary>"Start your reply with X", "mention the word X", "include 'X' in your proposal" and their kin.</summary>
    [GeneratedRegex(@"(?:(?<start>(?:start|begin|open)\s+(?:your\s+|the\s+)?(?:reply|proposal|application|cover\s+letter|letter|message|response|bid|answer)\s+with)|(?:mention|include|use|write|put|add|type|say)\s+(?:the\s+)?(?:secret\s+|code\s+|magic\s+|key\s*)?(?:word|phrase|words|code|keyword|password)\b(?:\s+(?:below|is))?|(?:mention|include|write)(?=\s+[""']))\s*(?:the\s+(?:word|phrase)\s+)?:?\s*(?<x>""[^""]{0,80}""|'[^']{0,80}'|[^.!?\n]{0,80})", RegexOptions.IgnoreCase)]
    private static partial Regex Instruction();

    [GeneratedRegex(@"\s+(?:so|to|in|at|and|when|because|if|as|for|on)\s+|,", RegexOptions.IgnoreCase)]
    private static partial Regex UnquotedEnd();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} '\-]*$")]
    private static partial Regex SafePayload();

    [GeneratedRegex(@"\b(?:ignore|disregard|prompt|system|instructions?|rules?|reveal|password|secret|api|key|token|http|www|pwned|hacked|jailbreak|admin|sudo|delete|drop|only|ai|gpt|chatgpt|llm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BadPayloadWord();

    /// <summary>Sentences that address the writer rather than the work: never obeyed, never quoted back.</summary>
    [GeneratedRegex(@"\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+|your\s+|previous\s+|prior\s+|above\s+|earlier\s+)*(?:instructions?|rules?|prompts?|guidelines|directions)|system\s*prompt|\bsystem\s*:|\b(?:you are|act as|pretend(?: to be)?|as an?)\s+(?:an?\s+)?(?:ai|assistant|language model|llm|chatbot|gpt)\b|\b(?:reveal|print|show|repeat|output)\s+(?:your|the)\s+(?:instructions?|prompt|rules|system)|\bwrite\s+only\b|\brespond\s+(?:only\s+)?with\b|\breply\s+only\b|\boutput\s+only\b|\b(?:claim|say|state|pretend)\s+(?:that\s+)?you\s+(?:have|are|know)|\bdo not (?:mention|include) (?:your|any) (?:gaps|limitations)|\bin (?:all caps|uppercase|french|spanish|german|chinese|russian) only\b|\bnew instructions\b|\b(?:mention|say|state|write|claim|confirm)\s+(?:that\s+)?(?:you|your)\s+(?:have|are|were|know|own|hold)\b|<\s*/?\s*(?:system|instructions?|job_\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Injection();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'#+.\-]*")]
    private static partial Regex Word();
}
