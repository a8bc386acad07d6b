using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Contracts.Identity;

namespace Modules.Ai.Writing;

/// <summary>
/// The offline writer's composition (docs/letters.md). It reads the post (<see cref="PostReader"/>), answers its
/// points in the post's order — each with an approach chosen by what the point is about and, where the profile has
/// one, a whole sentence of evidence picked by meaning (<see cref="LetterEvidence"/>) — says plainly which needed
/// skills the profile lacks and how the freelancer would close the gap, turns the headline into prose, and signs with
/// the freelancer's first name. Openings, bodies and closings come from several phrasings chosen by the job's content
/// (a stable hash of its text and what the post contains), never at random: the same job always gives the same letter,
/// and different jobs give different letters. Paragraphs are added or left out to land within the requested length.
/// </summary>
internal static partial class LetterComposer
{
    public static string Compose(LetterInputs inputs, EvidenceScores? scores = null)
    {
        var job = inputs.Job;
        var profile = inputs.Profile;
        var reading = PostReader.Read(job.Title, job.Description, inputs.Questions);
        // Seeded by what the post says (its points), not its raw text: sentences set aside as attempts to steer the
        // writer change nothing at all, not even which phrasing is picked.
        var v = new Variation(Seed(job.Title + "\n" + string.Join("\n", reading.Points.Select(p => p.Text)) + "\n" + string.Join(",", job.Skills) + "\n" + string.Join(",", reading.Mentions) + reading.StartWith));
        var candidates = LetterEvidence.Candidates(profile);
        scores ??= LetterEvidence.Lexical(Queries(inputs, reading), candidates);
        var jobSkills = job.Skills.Select(s => OneLine(s, 40)).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(8).ToList();
        var have = profile is null ? [] : profile.Skills.Concat(profile.Portfolio.SelectMany(p => p.Skills)).ToList();
        var matched = jobSkills.Where(s => have.Any(h => SameSkill(h, s)) || (profile is not null && LetterQuality.Mentions(ProfileText(profile), s))).ToList();
        var missing = profile is null ? [] : jobSkills.Except(matched, StringComparer.OrdinalIgnoreCase).ToList();
        var used = new HashSet<int>();
        var usedApproaches = new HashSet<string>();
        var direct = inputs.Tone.Contains("direct", StringComparison.OrdinalIgnoreCase);
        var friendly = inputs.Tone.Contains("friend", StringComparison.OrdinalIgnoreCase) || inputs.Tone.Contains("enthusias", StringComparison.OrdinalIgnoreCase);
        var formal = inputs.Tone.Contains("formal", StringComparison.OrdinalIgnoreCase);
        var descriptionQuestions = reading.Points.Where(p => p.Kind == PostPointKind.Question && !inputs.Questions.Any(q => q.Trim().Equals(p.Text, StringComparison.OrdinalIgnoreCase))).ToList();
        var bodyPoints = reading.Points.Where(p => p.Kind != PostPointKind.Question || descriptionQuestions.Contains(p)).ToList();

        var head = new List<string>();
        if (reading.StartWith is { } start) head.Add(Capital(start) + (start.EndsWith('.') || start.EndsWith('!') ? "" : "."));
        head.Add(Greeting(inputs, v, friendly, formal));

        // Opening: chosen by what the post contains, then phrased by the job's hash.
        var opening = new StringBuilder();
        var pain = reading.Of(PostPointKind.Pain).FirstOrDefault();
        var title = OneLine(job.Title, 90);
        if (pain is not null)
        {
            var said = Lower(Swap(Trim(pain.Text)));
            opening.Append(v.Pick("open-pain",
                $"From your post, {said}. That is the part I would deal with first.",
                $"It sounds like {said}, so the first job is finding out why, not adding more on top.",
                $"You describe the problem clearly: {said}. Here is how I would take it on."));
        }
        else if (descriptionQuestions.Count > 0)
        {
            opening.Append(v.Pick("open-questions",
                $"You asked {(descriptionQuestions.Count == 1 ? "a direct question" : $"{Number(descriptionQuestions.Count)} direct questions")} about {Lower(title)}, so I answer {(descriptionQuestions.Count == 1 ? "it" : "them")} below in the order you asked.",
                $"Your post for {Lower(title)} ends with {(descriptionQuestions.Count == 1 ? "a question" : "questions")}; my {(descriptionQuestions.Count == 1 ? "answer is" : "answers are")} below, point by point.",
                $"I'll go through {Lower(Swap(title))} the way your post lays it out, and answer your {(descriptionQuestions.Count == 1 ? "question" : "questions")} on the way."));
        }
        else
        {
            opening.Append(v.Pick("open-work",
                $"Here is how I would approach {Lower(title)}, point by point as your post sets it out.",
                $"{Capital(title)} is a clear brief: it says what done looks like, so the plan below follows it in order.",
                $"I would like to take on {Lower(title)}, and below is exactly how, step by step."));
        }
        if (profile is not null)
        {
            var (role, _) = Headline(profile.Title);
            opening.Append(' ').Append(v.Pick("who",
                $"I'm {role}{Years(profile, " with {0} years of experience")}",
                $"For context, I'm {role}{Years(profile, " and have been doing this for {0} years")}",
                $"A little about me: I'm {role}{Years(profile, ", {0} years in")}"));
            opening.Append(matched.Count > 0
                ? v.Pick("skills", $", and {Join(matched.Take(4))} {(matched.Count == 1 ? "is" : "are")} part of my everyday work.", $"; {Join(matched.Take(4))} {(matched.Count == 1 ? "is" : "are")} what I work with most days.", $", working mostly with {Join(matched.Take(4))}.")
                : ".");
            var voice = Best(scores, 0, candidates, used, c => c.Source == EvidenceSource.Overview && FirstPerson().IsMatch(c.Text), 0.15);
            if (voice is { } vi) { used.Add(vi); opening.Append(' ').Append(candidates[vi].Text); }
        }
        var paragraphs = new List<string> { opening.ToString() };

        // The post's points, in its order, three to a paragraph.
        var body = new StringBuilder();
        var inParagraph = 0;
        for (var i = 0; i < bodyPoints.Count; i++)
        {
            var point = bodyPoints[i];
            var index = reading.Points.ToList().IndexOf(point) + 1;
            var sentence = point.Kind switch
            {
                PostPointKind.Question => AnswerInline(point, v, i, profile, candidates, scores, index, used, matched, missing, usedApproaches),
                PostPointKind.Pain when point == pain => PainApproach(point, v, i, usedApproaches),
                PostPointKind.Pain => $"{v.Pick("pain" + i, "You also mention that", "Another thing you raise:", "On top of that,")} {Lower(Swap(Trim(point.Text)))}; {PainApproach(point, v, i, usedApproaches)}",
                PostPointKind.Constraint => Constraint(point, v, i),
                _ => Deliverable(point, v, i, usedApproaches),
            };
            if (point.Kind is PostPointKind.Deliverable or PostPointKind.Pain && profile is not null)
            {
                var e = Best(scores, index, candidates, used, c => c.Source == EvidenceSource.Portfolio, LetterEvidence.PointThreshold);
                if (e is { } ei) { used.Add(ei); sentence += " " + Cite(candidates[ei], v, used.Count); }
            }
            body.Append(sentence).Append(' ');
            if (++inParagraph == 3 && i < bodyPoints.Count - 1) { paragraphs.Add(body.ToString().Trim()); body.Clear(); inParagraph = 0; }
        }
        if (body.Length > 0) paragraphs.Add(body.ToString().Trim());

        // Evidence for the job as a whole, when no point drew any.
        if (profile is not null && used.All(u => candidates[u].Source != EvidenceSource.Portfolio))
        {
            var e = Best(scores, 0, candidates, used, c => c.Source == EvidenceSource.Portfolio, 0);
            if (e is { } ei) { used.Add(ei); paragraphs.Add(Cite(candidates[ei], v, used.Count)); }
        }

        if (missing.Count > 0) paragraphs.Add(string.Join(' ', missing.Take(3).Select((s, i) => Gap(s, v, i))));
        foreach (var mention in reading.Mentions)
            paragraphs.Add(v.Pick("mention", $"And the word you asked applicants to include: {mention}.", $"As your post asks: {mention}.", $"(You asked for it, so here it is: {mention}.)"));

        var closing = new StringBuilder();
        var deadline = reading.Of(PostPointKind.Constraint).FirstOrDefault(p => Deadline().IsMatch(p.Text));
        closing.Append(string.Equals(job.JobType, "hourly", StringComparison.OrdinalIgnoreCase)
            ? v.Pick("hourly", "On hourly work I keep a short log of what each hour went to and send a note at the end of each working day.",
                "I bill hourly in small, clearly labelled entries, so you can see where the time goes.",
                "You would get a short written update at the end of each day I work on this, with the hours next to it.")
            : v.Pick("fixed", $"For a fixed price I would split this into milestones{Milestones(bodyPoints)}, so you pay for finished parts.",
                "I am happy to agree milestones so each payment matches a finished, working part.",
                $"I would price it per milestone{Milestones(bodyPoints)}, each one something you can check yourself."));
        if (deadline is not null) closing.Append(' ').Append(v.Pick("deadline", "I would plan backwards from your deadline, with a working first version well before it.", "Your timing works with a plan that puts a usable first version in your hands early.", "I'd schedule the riskiest part first, so the deadline is never in doubt late in the project."));
        var topic = Topic(reading);
        closing.Append(' ').Append(direct
            ? v.Pick("cta-direct", "Can we schedule a 15-minute call this week to agree the next steps?", $"If this fits, let's have a 15-minute call this week about {topic}.", "Send me a time for a short call and I'll come with a written plan.")
            : v.Pick("cta", $"Could we schedule a short call this week to go over {topic}? I can send a written plan the same day.",
                $"If it helps, I can sketch the plan for {topic} on a short call this week.",
                $"Would a quick chat this week work? I'd like to confirm {topic} before anything is built."));
        var signOff = SignOff(inputs, friendly, formal);
        var name = FirstName(inputs.FreelancerName);

        // Extra material, most useful first, used only to reach the requested length.
        var extras = new List<string>();
        if (profile is not null)
        {
            var more = Enumerable.Range(0, candidates.Count).Where(i => !used.Contains(i)).OrderByDescending(i => (candidates[i].HasResult ? 0.1 : 0) + scores.Of(0, i)).Take(3).ToList();
            if (more.Count > 0) extras.Add(string.Join(' ', more.Take(2).Select((i, n) => candidates[i].Source == EvidenceSource.Portfolio ? Cite(candidates[i], v, used.Count + n + 1) : candidates[i].Text)));
            if (more.Count > 2) extras.Add(candidates[more[2]].Source == EvidenceSource.Portfolio ? Cite(candidates[more[2]], v, used.Count + 3) : candidates[more[2]].Text);
        }
        extras.Add(FirstWeek(bodyPoints, v));
        extras.Add(v.Pick("comms", "I write things down as I go: what I changed, why, and what is left, so nothing depends on my memory.",
            "You would never have to chase me for status; short written updates come to you, with questions batched so they don't interrupt your day.",
            "Communication-wise, expect short written notes rather than long calls, and a quick reply when you ask something."));
        extras.Add(Handover(reading, v));
        extras.Add(Needs(reading, v));
        extras.Add(Risk(reading, v));
        extras.Add(Done(bodyPoints, v));
        extras.Add(AskBack(reading, v));
        extras.Add(v.Pick("testing", "Before I call anything finished I check it against real examples from you, not just my own test cases, and I write down what I checked.",
            "Every piece gets checked against your own examples before I hand it over, and you get the list of what was checked, so nothing rests on my word alone.",
            "I test against your real cases rather than made-up ones, and keep those checks with the work so they can be run again after any later change."));
        extras.Add(v.Pick("rhythm", "A simple rhythm works well for remote work: a short plan at the start, something you can try every few days, and a written summary at the end of each stage.",
            "The rhythm I would suggest is a written plan first, something working to try every few days, and a short review at each milestone where you can redirect the work.",
            "I would keep the work visible: a plan you approve, small pieces you can try as they land, and a short summary whenever a stage closes."));
        extras.Add(v.Pick("scope", "If the scope shifts once we start, I will say so straight away with what it changes in time and cost, rather than absorbing it quietly and running late.",
            "Changes of scope happen; when one does, you get a short note with its effect on time and cost before I act on it, so the budget never surprises you.",
            "Should anything turn out bigger than the post suggests, I'd flag it the same day with options, so you decide rather than discover it at the end."));

        string Assemble(int extraCount)
        {
            var sb = new StringBuilder();
            foreach (var h in head) sb.Append(h).Append("\n\n");
            var all = paragraphs.Take(1).Concat(paragraphs.Skip(1)).ToList();
            // Extras sit before the gaps and the closing, after the answers to the post.
            var insertAt = Math.Min(all.Count, Math.Max(1, all.Count - (missing.Count > 0 ? 1 : 0) - reading.Mentions.Count));
            all.InsertRange(insertAt, extras.Take(extraCount).Where(e => e.Length > 0));
            foreach (var p in all) sb.Append(p).Append("\n\n");
            sb.Append(closing).Append("\n\n").Append(signOff).Append(name is null ? "" : ",\n" + name);
            if (inputs.Questions.Count > 0)
            {
                sb.Append("\n\nAnswers to screening questions:\n");
                for (var i = 0; i < inputs.Questions.Count; i++)
                    sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {OneLine(inputs.Questions[i], 200)}\n   {Answer(inputs, inputs.Questions[i], candidates, used)}\n");
            }
            return sb.ToString().TrimEnd();
        }

        var min = LetterQuality.MinWords(inputs.TargetWords);
        var max = LetterQuality.MaxWords(inputs.TargetWords);
        var aim = (min + inputs.TargetWords) / 2;
        var count = 0;
        var letter = Assemble(0);
        while (LetterQuality.CountWords(letter) < aim && count < extras.Count) letter = Assemble(++count);
        while (LetterQuality.CountWords(letter) > max && count > 0) letter = Assemble(--count);
        return letter;
    }

    /// <summary>A draft answer to one screening question, from the profile only: links, rates, matching evidence, or an honest gap.</summary>
    public static string Answer(LetterInputs inputs, string question, IReadOnlyList<EvidenceSentence>? candidates = null, ISet<int>? used = null)
    {
        var profile = inputs.Profile;
        candidates ??= LetterEvidence.Candidates(profile);
        var q = question.ToLowerInvariant();
        if (profile is not null && LinkQuestion().IsMatch(q))
        {
            var links = profile.Portfolio.Select(p => (p.Title, Url: Uri.TryCreate(p.Url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" ? u.ToString() : null))
                .Where(p => p.Url is not null).Take(2).ToList();
            if (links.Count > 0) return string.Join(" ", links.Select(l => $"{OneLine(l.Title, 80)}: {l.Url}"));
        }
        if (RateQuestion().IsMatch(q) && profile?.HourlyRate is { } rate)
            return string.Create(CultureInfo.InvariantCulture, $"My rate is ${rate:0.##} an hour; for a fixed price I would quote per milestone once the scope is agreed.");
        if (StartQuestion().IsMatch(q))
            return "I can confirm a start date as soon as we agree the scope, and I would send a first plan within a day of that.";
        var skills = inputs.Job.Skills.Where(s => LetterQuality.Mentions(question, s)).ToList();
        var lacking = profile is null ? [] : skills.Where(s => !profile.Skills.Any(h => SameSkill(h, s)) && !LetterQuality.Mentions(ProfileText(profile), s)).ToList();
        if (lacking.Count > 0)
            return $"Honestly, not with {Join(lacking)} on a client project yet; I would close that gap with a short spike before relying on it, and say so in the estimate.";
        if (profile is not null && candidates.Count > 0)
        {
            var scores = LetterEvidence.Lexical([question], candidates);
            var best = Enumerable.Range(0, candidates.Count).OrderByDescending(i => scores.Of(0, i) - (used?.Contains(i) == true ? 0.2 : 0)).First();
            if (scores.Of(0, best) > 0.1)
                return (candidates[best].Item is { } item ? $"The closest example is {item}: " : "") + candidates[best].Text + " I would be glad to walk you through it on a call.";
        }
        if (profile is not null && skills.Count > 0)
            return $"Yes: {Join(skills)} {(skills.Count == 1 ? "is" : "are")} part of my regular work, and I can show you where on a short call.";
        return "I would rather answer this properly than with a stock line: it depends on details I'd confirm with you in the first conversation.";
    }

    private static string Deliverable(PostPoint point, Variation v, int i, HashSet<string> usedApproaches)
    {
        var approach = Approach(point, v, usedApproaches);
        var text = Trim(point.Text);
        if (Label().Match(text) is { Success: true } label)
            return $"{v.Pick("label" + i, "For the", "On the", "As for the")} {label.Groups[1].Value.ToLowerInvariant()} ({Swap(label.Groups[2].Value)}), I would {approach}.";
        if (!Clause().IsMatch(text) && !VerbStart().IsMatch(text))
            return $"{v.Pick("np" + i, "For", "On", "As for")} {Lower(Swap(text))}, I would {approach}.";
        if (Lead().Match(text) is { Success: true } m && m.Groups["rest"].Value.Length > 8 && VerbStart().IsMatch(m.Groups["rest"].Value))
            return $"{v.Pick("to" + i, "To", "In order to", "To")} {Lower(Swap(m.Groups["rest"].Value))}, I would {approach}.";
        if (VerbStart().IsMatch(text))
            return $"{v.Pick("verb" + i, "For", "On", "About the part where you")} {(v.Last == "About the part where you" ? Lower(Swap(text)) : "\"" + Lower(Swap(text)) + "\"")}: I would {approach}.";
        return $"{v.Pick("lead" + i, "You wrote that", "Your post says", "As I understand it,")} {Lower(Swap(text))}. I would {approach}.";
    }

    private static string PainApproach(PostPoint point, Variation v, int i, HashSet<string> usedApproaches) =>
        $"{v.Pick("painfix" + i, "My first step there would be to", "I would start by trying to", "The way I'd handle that is to")} {Approach(point, v, usedApproaches)}.";

    private static string Constraint(PostPoint point, Variation v, int i)
    {
        var text = Label().Match(Trim(point.Text)) is { Success: true } label
            ? $"your {label.Groups[1].Value.ToLowerInvariant()} ({Swap(label.Groups[2].Value)})"
            : Lower(Swap(Trim(point.Text)));
        return v.Pick("constraint" + i, $"Noted: {text}; the plan above allows for it.", $"Understood that {text}, and the plan is built around it.", $"On the practical side, {text}: that is part of the plan.");
    }

    private static string AnswerInline(PostPoint point, Variation v, int i, FreelancerProfile? profile, List<EvidenceSentence> candidates, EvidenceScores scores,
        int index, HashSet<int> used, List<string> matched, List<string> missing, HashSet<string> usedApproaches)
    {
        var q = OneLine(point.Text, 200).Replace("\"", "'", StringComparison.Ordinal);
        var lead = v.Pick("q" + i, $"You asked: \"{q}\"", $"To your question \"{q}\":", $"On \"{q}\":");
        if (ToolsQuestion().IsMatch(q) && profile is not null)
        {
            var t = Best(scores, index, candidates, used, c => c.Source == EvidenceSource.Overview, 0.1);
            if (t is { } ti) { used.Add(ti); return $"{lead} {candidates[ti].Text}"; }
            return $"{lead} my everyday tools are {Join(profile.Skills.Take(5))}.";
        }
        if (ExperienceQuestion().IsMatch(q))
        {
            // "Have you done X?": answered from the profile only — a gap is said plainly, evidence is quoted whole.
            var gap = missing.FirstOrDefault(m => LetterQuality.Mentions(q, m));
            if (gap is not null) return $"{lead} honestly, not yet with {gap} on a client project; I would learn it on a small spike before relying on it.";
            var skill = matched.FirstOrDefault(m => LetterQuality.Mentions(q, m));
            var e = profile is null ? null : Best(scores, index, candidates, used, _ => true, LetterEvidence.PointThreshold - 0.05);
            if (e is { } ei)
            {
                used.Add(ei);
                var c = candidates[ei];
                return $"{lead} {(skill is null ? "the closest thing in my own work" : $"yes, {skill} is part of my regular work; the closest example")} {(c.Item is null ? "is this:" : $"is {c.Item}:")} {c.Text}";
            }
            if (skill is not null) return $"{lead} yes, {skill} is part of my regular work, and I can show you where on a short call.";
            return $"{lead} not exactly, and I would rather say so than stretch it; I can walk you through the nearest work I have done on a short call.";
        }
        return $"{lead} I would {Approach(point, v, usedApproaches, reuse: true)}.";
    }

    private static string Cite(EvidenceSentence e, Variation v, int n)
    {
        if (e.Source == EvidenceSource.Overview) return e.Text;
        var item = e.Url is null ? e.Item : $"{e.Item} ({e.Url})";
        return ((v.Seed + (ulong)n) % 4) switch
        {
            0 => $"{item} is the nearest example from my own work: {e.Text}",
            1 => $"I did something close to this in {item}: {e.Text}",
            2 => $"For comparison, from {item}: {e.Text}",
            _ => $"One result worth mentioning, from {item}: {e.Text}",
        };
    }

    private static string Gap(string skill, Variation v, int i) => v.Pick("gap" + i,
        $"To be upfront: I haven't used {skill} on a client project yet. I would close that gap with a short spike in the first days and show you the result before relying on it.",
        $"{skill} is not something I have shipped before; I'd ask how central it is, and if it is, learn it on a throwaway branch rather than on your live system.",
        $"One honest gap: no production experience with {skill} yet. I would read its documentation first and tell you straight away if that changes the estimate.");

    private static string Approach(PostPoint point, Variation v, HashSet<string> usedApproaches, bool reuse = false)
    {
        foreach (var (pattern, options) in Approaches)
        {
            if (!pattern.IsMatch(point.Text)) continue;
            var pick = v.Pick("ap" + pattern, options);
            if (usedApproaches.Contains(pattern.ToString()))
            {
                // A question about something a deliverable already covered gets the other phrasing, never the same one twice.
                if (!reuse) continue;
                return options[(Array.IndexOf(options, pick) + 1) % options.Length];
            }
            usedApproaches.Add(pattern.ToString());
            return pick;
        }
        return v.Pick("ap-generic" + point.Text.Length % 7,
            "agree with you what finished looks like for this part first, then deliver it in a small piece you can try within days",
            "build the smallest working version of this part, show it to you, and refine it from your feedback",
            "write down the acceptance points for this part before starting, so we both know when it is done",
            "tackle this part early, since it tends to decide the rest, and share the result as soon as it works",
            "check this part against a real example from you before calling it finished");
    }

    private static readonly (Regex Pattern, string[] Options)[] Approaches =
    [
        (Rx(@"accessib|a11y|wcag|screen ?reader|keyboard"), ["test every page with a screen reader (NVDA and VoiceOver), keyboard-only navigation and an axe scan, and report each issue against its WCAG criterion with the fix", "go through the flows with keyboard only and a screen reader, run axe on each template, and give you a list ranked by how badly each issue blocks users"]),
        (Rx(@"\bapi\b|sync|integrat|webhook|hubspot|salesforce|stripe|crm"), ["respect the API's rate limits with batching and backoff, and sync incrementally from a stored cursor so a re-run never duplicates a record", "page through the API within its rate limits, keep a checkpoint of the last record synced, and log every record that fails instead of stopping the run"]),
        (Rx(@"pipeline|etl|elt|airflow|dbt|warehouse|ingest"), ["make each step idempotent and observable, with tests on the data and an alert when a load fails", "load in small, re-runnable batches, check row counts at every stage, and alert someone when a number looks wrong"]),
        (Rx(@"dashboard|report|metric|kpi|chart|analytics"), ["agree the handful of numbers that matter first, then build the views around them and check each figure against a source you trust", "start from the questions the dashboard must answer and keep each chart to one of them, with the definitions written next to it"]),
        (Rx(@"migrat|upgrade|port |move (?:from|to)|legacy"), ["move it in stages with a dry run first, and compare counts and samples before and after each stage", "keep the old version running until the new one matches it on real data, so there is always a way back"]),
        (Rx(@"slow|speed|performance|load time|latency|optimi"), ["measure first to find where the time actually goes, fix the biggest cause, and show you the numbers before and after", "profile it on realistic data, fix the worst offender first, and keep a simple benchmark so it stays fast"]),
        (Rx(@"\bbugs?\b|crash|\berrors?\b|broken|\bfix(?:es|ing)?\b|not working|\bfail(?:s|ing)?\b"), ["reproduce the problem first, write a test that fails because of it, then fix it and keep the test", "trace it to the cause rather than the symptom, and leave a test behind so it cannot quietly come back"]),
        (Rx(@"scrap|crawl|extract"), ["respect the site's limits, store raw pages so a parser change never needs a re-crawl, and test the parser on saved pages", "build it to survive layout changes, with checks that warn you when a field suddenly comes back empty"]),
        (Rx(@"logo|brand|identity|illustrat|banner|mockup|figma|ui design|ux|wireframe|landing page design"), ["start from two or three directions based on your audience, then refine the one you pick with you", "sketch a few directions quickly, test them against your brief, and polish only the one that works"]),
        (Rx(@"mobile|ios|android|app store|play store"), ["build it for both platforms from one codebase where it makes sense, and test on real devices before each release", "ship a test build to you early through TestFlight or internal testing, so you see progress on your own phone"]),
        (Rx(@"wordpress|shopify|woocommerce|theme|plugin|store"), ["work on a staging copy first and keep plugins to the ones that earn their place, so the live site stays safe", "change the theme in a child theme or a versioned copy, never the live files, so updates don't undo the work"]),
        (Rx(@"seo|search ranking|keywords|organic"), ["start with a crawl and the pages that already get impressions, and fix what holds them back before writing anything new", "audit the technical basics first, then the pages closest to page one, where small changes move rankings most"]),
        (Rx(@"bookkeep|reconcil|invoice|accounts|payroll|tax|ledger"), ["reconcile month by month against the bank statements and flag anything I can't match rather than forcing it", "set up a clean chart of accounts first, then reconcile each account and leave you a short list of open questions"]),
        (Rx(@"model|machine learning|classif|predict|nlp|llm|ai\b|embedding|chatbot|rag"), ["start with a simple baseline and an honest evaluation set, then only add complexity that beats it", "measure it on examples you provide before and after each change, so improvements are real rather than anecdotal"]),
        (Rx(@"deploy|docker|kubernetes|ci|cd|devops|infrastructure|aws|azure|gcp|terraform|server"), ["put it in code and in version control, so every environment can be rebuilt and every change reviewed", "automate the deployment with a rollback path, and test it on a copy before touching production"]),
        (Rx(@"test|qa|quality assurance|automation"), ["cover the paths your users rely on most first, and make the tests run on every change", "write tests that read like the requirements, so you can see what is covered and what is not"]),
        (Rx(@"write|article|blog|copy|content|newsletter|script"), ["draft an outline first for your approval, then write in your voice, using your existing pieces as the reference", "agree the angle and the reader before drafting, and keep every claim backed by a source you can check"]),
        (Rx(@"video|edit|animation|motion|youtube|reel"), ["cut a rough version first for timing, then polish only once the structure is approved", "agree the pacing and style on a short sample before editing the full piece"]),
        (Rx(@"spreadsheet|excel|sheets|formula|macro|vba"), ["keep the data on one sheet and the calculations on another, documented, so anyone can follow it later", "replace fragile manual steps with formulas you can audit, and leave notes on how each one works"]),
        (Rx(@"data|database|sql|schema|query"), ["look at real samples of the data first, then design the structure around the questions you need answered", "check the data for gaps and duplicates before building on it, and document every assumption"]),
        (Rx(@"front ?end|react|vue|angular|component|responsive|css|html|next\.?js"), ["build it from small, reusable components, check it on phone and desktop sizes, and keep it fast on slow connections", "match the design closely, make it responsive from the start, and test it in the browsers your users actually use"]),
        (Rx(@"back ?end|server|endpoint|rest|graphql|auth"), ["design the endpoints around how the client will use them, validate every input, and cover them with tests", "keep the API small and consistent, with clear errors and tests for each endpoint"]),
    ];

    // Linear-time matching: these run on the stranger's text, and a timeout on a busy machine must not stop the writer
    // that is everyone's last resort (a 100 ms timeout fired under load in bench/ai.sh).
    private static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static string FirstWeek(List<PostPoint> points, Variation v)
    {
        var topics = points.Where(p => p.Kind == PostPointKind.Deliverable && p.Keywords.Count > 0).Select(TopicOf).Distinct(StringComparer.OrdinalIgnoreCase).Take(2).ToList();
        var what = topics.Count == 0 ? "the core of it" : Join(topics);
        return v.Pick("week", $"In the first week I would confirm the scope in writing, set up access, and get {what} working end to end, even if rough, so you can respond to something real.",
            $"The first few days would go on {what}: a rough version that works end to end, improved together from there.",
            $"My first milestone would be {what}, working on your real data or content, before anything gets polished.");
    }

    /// <summary>What "done" means for each deliverable, one clause each, in the post's order.</summary>
    private static string Done(List<PostPoint> points, Variation v)
    {
        var topics = points.Where(p => p.Kind == PostPointKind.Deliverable && p.Keywords.Count > 0).Select(TopicOf).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        if (topics.Count == 0) return "";
        return v.Pick("done", $"For {Join(topics)}, done would mean working, checked against your examples, and written down well enough that someone else could pick it up.",
            $"I'd agree a short definition of done for {Join(topics)} up front: what you will be able to do, and how we will both check it.",
            $"Done, for {Join(topics)}, means you can use it without me in the room, with a short note on how it works.");
    }

    /// <summary>The questions the freelancer would ask back, about what the post leaves open.</summary>
    private static string AskBack(PostReading reading, Variation v)
    {
        var topic = Topic(reading);
        return v.Pick("ask", $"A few things I would ask you first: who uses {topic} day to day, what has been tried already, and what would make you call this a success.",
            $"Before starting I'd like to know three things: what exists today around {topic}, who will look after it afterwards, and which part matters most to you.",
            $"Questions I would bring to our first conversation: how {topic} is handled today, what a great outcome looks like to you, and any constraints not in the post.");
    }

    private static string Handover(PostReading reading, Variation v) => v.Pick("handover",
        "When it's done you get everything in your own accounts, with short notes on how it works and how to change it.",
        "At the end I hand over the source, the credentials I used and a one-page guide, so you are never dependent on me.",
        "Handover is part of the job: clean files, a short guide, and a walkthrough call if you want one.");

    private static string Needs(PostReading reading, Variation v)
    {
        var about = Topic(reading);
        return v.Pick("needs", $"To start, I would need access to what exists today and one or two examples of good results for {about}; nothing more.",
            $"From you I'd only need the current material around {about} and thirty minutes to agree what done means.",
            $"All I'd ask up front is access to the current setup and a sample of what good looks like for {about}.");
    }

    private static string Risk(PostReading reading, Variation v)
    {
        var k = Topic(reading);
        return v.Pick("risk", $"The main risk I see is an unclear definition of done around {k}, which is why I'd pin it down before building.",
            $"If anything slows this down it will be surprises in {k}; I'd look there first, so they surface in week one rather than week four.",
            $"The part most likely to hide surprises is {k}, so I'd check it early and tell you what I find.");
    }

    /// <summary>A noun phrase for the first deliverable: two adjacent keywords ("the incremental sync"), else "the X part".</summary>
    private static string Topic(PostReading reading)
    {
        var point = reading.Of(PostPointKind.Deliverable).FirstOrDefault() ?? reading.Points.FirstOrDefault();
        return point is null || point.Keywords.Count == 0 ? "the scope" : TopicOf(point);
    }

    private static string TopicOf(PostPoint point)
    {
        for (var k = 0; k + 1 < point.Keywords.Count; k++)
            if (point.Text.Contains(point.Keywords[k] + " " + point.Keywords[k + 1], StringComparison.Ordinal))
                return $"the {point.Keywords[k]} {point.Keywords[k + 1]}";
        return $"the {point.Keywords[0]} part";
    }

    private static string Milestones(List<PostPoint> points)
    {
        var topics = points.Where(p => p.Kind == PostPointKind.Deliverable).Select(p => p.Keywords.FirstOrDefault()).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        return topics.Count < 2 ? "" : $" ({Join(topics)})";
    }

    private static string Greeting(LetterInputs inputs, Variation v, bool friendly, bool formal)
    {
        var style = inputs.WinningLetters.Select(l => GreetingStyle().Match(l.TrimStart())).FirstOrDefault(m => m.Success)?.Value;
        if (style is not null) return Capital(style.TrimEnd(',', '!', ' ')) + ",";
        return formal ? "Good day," : friendly ? v.Pick("hi-f", "Hi there,", "Hi,", "Hello there,") : v.Pick("hi", "Hello,", "Hi,", "Good day,");
    }

    private static string SignOff(LetterInputs inputs, bool friendly, bool formal)
    {
        foreach (var letter in inputs.WinningLetters)
            if (SignOffStyle().Matches(letter).LastOrDefault() is { } m) return Capital(m.Groups[1].Value);
        return formal ? "Kind regards" : friendly ? "Cheers" : "Best regards";
    }

    /// <summary>The first word of the account's name, when it is a name (an e-mail address is not signed under).</summary>
    public static string? FirstName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('@', StringComparison.Ordinal)) return null;
        var first = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Length is > 0 and <= 40 && first.All(c => char.IsLetter(c) || c is '-' or '\'') ? first : null;
    }

    /// <summary>
    /// The headline in prose: "Python Data Engineer | Airflow, dbt, Snowflake" becomes "a Python data engineer", and the
    /// rest are tools, used elsewhere but never pasted as a job title.
    /// </summary>
    public static (string Role, IReadOnlyList<string> Tools) Headline(string headline)
    {
        var parts = HeadlineSplit().Split(OneLine(headline, 160)).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0) return ("a freelancer", []);
        var role = string.Join(' ', parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => RoleWords.Contains(w) ? w.ToLowerInvariant() : w));
        role = YearsInTitle().Replace(role, "").Trim();
        if (role.Length == 0) role = "freelancer";
        var firstWord = role.Split(' ')[0];
        var acronym = firstWord.Length > 1 && firstWord.All(c => char.IsUpper(c) || char.IsDigit(c));
        var article = role.StartsWith("a ", StringComparison.OrdinalIgnoreCase) || role.StartsWith("an ", StringComparison.OrdinalIgnoreCase) ? ""
            : (acronym ? "AEFHILMNORSX".Contains(role[0]) : "AEIOUaeiou".Contains(role[0])) ? "an " : "a ";
        return (article + role, parts.Skip(1).SelectMany(p => p.Split(',')).Select(t => t.Trim()).Where(t => t.Length > 0).ToList());
    }

    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Engineer", "Developer", "Designer", "Consultant", "Specialist", "Expert", "Analyst", "Architect", "Writer", "Manager", "Scientist",
        "Data", "Full-Stack", "Fullstack", "Full", "Stack", "Front-End", "Frontend", "Back-End", "Backend", "Web", "Mobile", "Software", "Senior",
        "Lead", "Principal", "Freelance", "Freelancer", "Product", "Graphic", "Brand", "Visual", "Accessibility", "Marketing", "Virtual",
        "Assistant", "Bookkeeper", "Accountant", "Editor", "Copywriter", "Content", "Strategist", "Programmer", "Coder", "Tester", "Automation",
        "Cloud", "Platform", "Infrastructure", "Machine", "Learning", "Video", "Motion", "App", "Game", "Technical", "And", "&",
    };

    private static string Years(FreelancerProfile profile, string format) =>
        profile.YearsOfExperience is { } y and > 0 ? string.Format(CultureInfo.InvariantCulture, format, y) : "";

    private static int? Best(EvidenceScores scores, int query, List<EvidenceSentence> candidates, ISet<int> used, Func<EvidenceSentence, bool> filter, double threshold)
    {
        int? best = null;
        var bestScore = threshold;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (used.Contains(i) || !filter(candidates[i])) continue;
            var s = scores.Of(query, i) + (candidates[i].HasResult ? 0.03 : 0);
            if (s > bestScore || (best is null && s >= bestScore && threshold <= 0)) { best = i; bestScore = s; }
        }
        return best;
    }

    /// <summary>Row 0 is the job as a whole; row <c>i</c> is the post's point <c>i - 1</c>.</summary>
    public static List<string> Queries(LetterInputs inputs, PostReading reading)
    {
        var job = inputs.Job;
        var description = PostReader.Clean(job.Description ?? "");
        var whole = $"{job.Title}. {string.Join(", ", job.Skills)}. {(description.Length > 400 ? description[..400] : description)}";
        return [whole, .. reading.Points.Select(p => p.Text)];
    }

    private static string ProfileText(FreelancerProfile p) =>
        string.Join("\n", new[] { p.Title, p.Overview ?? "" }.Concat(p.Portfolio.SelectMany(i => new[] { i.Title, i.Description ?? "" })));

    public static bool SameSkill(string a, string b) =>
        string.Equals(Norm(a), Norm(b), StringComparison.OrdinalIgnoreCase) || SkillVocabulary.Aliases(a).Any(x => string.Equals(Norm(x), Norm(b), StringComparison.OrdinalIgnoreCase));

    private static string Norm(string s) => s.Replace(".js", "", StringComparison.OrdinalIgnoreCase).Replace(" ", "").Replace("-", "").Trim();

    public static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch { 0 => "", 1 => list[0], _ => string.Join(", ", list[..^1]) + " and " + list[^1] };
    }

    private static string Number(int n) => n switch { 2 => "two", 3 => "three", 4 => "four", 5 => "five", _ => n.ToString(CultureInfo.InvariantCulture) };

    /// <summary>The client's words turned towards the client: "we need our API" → "you need your API".</summary>
    private static string Swap(string text) => Pronoun().Replace(text, m => m.Value == "US" ? m.Value : m.Value.ToLowerInvariant() switch
    {
        "i am" => "you are",
        "i was" => "you were",
        "we are" => "you are",
        "we were" => "you were",
        "we" => "you",
        "us" => "you",
        "our" => "your",
        "ours" => "yours",
        "we're" => "you're",
        "we've" => "you've",
        "we'd" => "you'd",
        "we'll" => "you'll",
        "i" => "you",
        "my" => "your",
        "me" => "you",
        "i'm" => "you're",
        "i've" => "you've",
        "i'd" => "you'd",
        "mine" => "yours",
        _ => m.Value,
    });

    private static string Trim(string sentence) => sentence.Trim().TrimEnd('.', '!', '?', ';', ':', ',', ' ');

    /// <summary>Lower-cases the first letter unless the first word is a name: camel case, an acronym, or a known skill.</summary>
    private static string Lower(string s)
    {
        if (s.Length < 2 || !char.IsUpper(s[0])) return s;
        var first = new string(s.TakeWhile(c => char.IsLetterOrDigit(c) || c is '.' or '#' or '+').ToArray());
        if (first.Skip(1).Any(char.IsUpper) || SkillVocabulary.Terms.Any(t => t.StartsWith(first, StringComparison.OrdinalIgnoreCase) && first.Length >= 3)) return s;
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    private static string Capital(string s) => s.Length > 0 ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    private static string OneLine(string text, int max)
    {
        var s = Spaces().Replace(new string(text.Where(c => !char.IsControl(c)).ToArray()), " ").Trim();
        if (s.Length <= max) return s;
        // Never cut mid-word: stop at the last space before the limit.
        var cut = s.LastIndexOf(' ', max);
        return (cut > max / 2 ? s[..cut] : s[..max]).TrimEnd(',', ';', ':', ' ');
    }

    private static ulong Seed(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) { hash ^= c; hash *= 1099511628211UL; }
        return hash;
    }

    /// <summary>Deterministic choices: the same job and slot always pick the same phrasing.</summary>
    private sealed class Variation(ulong seed)
    {
        public ulong Seed { get; } = seed;
        public string? Last { get; private set; }

        public string Pick(string slot, params string[] options)
        {
            var h = Seed;
            foreach (var c in slot) { h ^= c; h *= 1099511628211UL; }
            h ^= h >> 29;
            Last = options[(int)(h % (ulong)options.Length)];
            return Last;
        }
    }

    [GeneratedRegex(@"^(?:(?:we|i)\s+(?:need|want|would like|are looking for|am looking for)|looking for|seeking|need)\s+(?:(?:someone|somebody|a\s+\w+(?:\s+\w+)?|an\s+\w+(?:\s+\w+)?|help|you)\s+)?(?:to|who can|that can|who will|able to)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(?:build|create|develop|design|implement|migrate|set up|setup|integrate|audit|review|fix|refactor|automate|write|deliver|produce|convert|optimi[sz]e|deploy|configure|clean|analy[sz]e|redesign|test|document|train|scrape|sync|connect|add|improve|replace|prepare|reconcile|translate|edit|record|model|port|upgrade|move|make|turn|help|run|check|find|map|track|send|pull|load|give|get|keep|handle|support|maintain|manage|update|rebuild|launch|ship|draft|organi[sz]e)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VerbStart();

    [GeneratedRegex(@"\b(?:I am|I was|we are|we were|we|us|our|ours|we're|we've|we'd|we'll|I|my|me|I'm|I've|I'd|mine)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\b(?:I|I'm|I've|my|me)\b")]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z ]{1,25}):\s*(.+)$")]
    private static partial Regex Label();

    [GeneratedRegex(@"\b(?:is|are|was|were|be|need|needs|want|wants|have|has|had|will|would|must|should|can|could|do|does|did|make|makes|take|takes|keep|keeps|get|gets|run|runs|use|uses|sell|sells|include|includes|stopped|arrive|fail|fails)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();

    [GeneratedRegex(@"\b(?:which|what) (?:tools|software|stack|technolog\w*|frameworks?|libraries)|tools (?:do )?you use|your (?:tools|stack)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToolsQuestion();

    [GeneratedRegex(@"\s*(?:\||·|•|/|—|–|\s-\s)\s*")]
    private static partial Regex HeadlineSplit();

    [GeneratedRegex(@"\b(?:with\s+)?\d+\+?\s*(?:years?|yrs?)(?:\s+of\s+experience)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearsInTitle();

    [GeneratedRegex(@"^(?:have you|has your|do you have|did you|are you (?:familiar|experienced)|what (?:is your )?experience|tell us about your experience|describe a time|do you know|can you show|can you share)", RegexOptions.IgnoreCase)]
    private static partial Regex ExperienceQuestion();

    [GeneratedRegex(@"\b(?:portfolio|link|github|example|sample|previous work|url)\b")]
    private static partial Regex LinkQuestion();

    [GeneratedRegex(@"\b(?:rate|price|cost|charge|budget|quote)\b")]
    private static partial Regex RateQuestion();

    [GeneratedRegex(@"\b(?:when can you start|start date|availability|available|how soon|hours per week|hours a week|time ?zone)\b")]
    private static partial Regex StartQuestion();

    [GeneratedRegex(@"\b(?:deadline|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|end of|the end|next)|within \d+|in \d+ (?:days|weeks)|asap|urgent)", RegexOptions.IgnoreCase)]
    private static partial Regex Deadline();

    [GeneratedRegex(@"^(?:hi there|hello there|hi|hello|hey|good day|dear hiring manager)\b[,!]?", RegexOptions.IgnoreCase)]
    private static partial Regex GreetingStyle();

    [GeneratedRegex(@"^\s*(best regards|kind regards|warm regards|regards|cheers|thanks|thank you|best|all the best|many thanks)[,!.]?\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex SignOffStyle();
}
