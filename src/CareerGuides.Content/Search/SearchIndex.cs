using System.Collections.Frozen;
using System.Collections.Immutable;
using CareerGuides.Content.Model;

namespace CareerGuides.Content.Search;

/// <summary>What a search result is.</summary>
public enum SearchKind
{
    Guide,
    Role,
}

/// <summary>One result: a guide or a role, with the words of the query it matched.</summary>
/// <param name="Kind">Guide or role.</param>
/// <param name="Title">The page's title.</param>
/// <param name="Url">The page's path.</param>
/// <param name="Summary">The page's summary.</param>
/// <param name="Guide">The guide, for a guide result.</param>
/// <param name="Role">The role, for a role result.</param>
/// <param name="Score">The ranking score (higher first).</param>
public sealed record SearchHit(SearchKind Kind, string Title, string Url, string Summary, Guide? Guide, Role? Role, double Score);

/// <summary>The answer to one query.</summary>
/// <param name="Query">The query as typed, trimmed (empty when there was none).</param>
/// <param name="Hits">The results, best first.</param>
/// <param name="Corrections">
/// Words the index holds that a misspelt query word was matched to ("analist" gives "analyst"), in query order:
/// the page says it included them.
/// </param>
public sealed record SearchResults(string Query, ImmutableArray<SearchHit> Hits, ImmutableArray<string> Corrections)
{
    /// <summary>Whether anything was searched for (false for an empty or blank query).</summary>
    public bool HasQuery => Query.Length > 0;
}

/// <summary>
/// Site search over guides and roles, built once per content snapshot. A request tokenises its query and looks its
/// words up here; nothing about the content is recomputed.
/// </summary>
/// <remarks>
/// <para>What is indexed, with each field's weight: a guide's title (both role titles) 10, its skills (transferable and
/// to build) 4, the sectors of its roles 3, its summary 2; a role's title 10, its sector 3, its summary and typical
/// day 2. Words are lower-cased and reduced to a simple stem (plurals: "teachers" and "teacher" are one word), and
/// common words ("to", "the", "how", "become") are ignored.</para>
/// <para>Matching each query word: an indexed word equal to it scores its field's weight in full. When there is none,
/// longer words are matched with typos allowed (one edit from 4 letters, two from 8: "analist" finds "analyst",
/// "developr" finds "developer"), at 0.6 and 0.4 of the weight; a query word of 3 letters or more also matches the
/// words it begins ("dev" finds "developer") at 0.7. Each document takes, per query word, its best match.</para>
/// <para>Ranking: documents that match more of the query's words come first; then the higher sum of the words'
/// scores, plus a title bonus of up to 10 for the share of the title's words the query names (so "analyst", "data
/// analist" or "data analysts" put the Data Analyst role before the guides into it, whose titles are longer); ties
/// go by title.</para>
/// </remarks>
public sealed class SearchIndex
{
    /// <summary>Longer queries are cut to this many characters, and to <see cref="MaxWords"/> words.</summary>
    public const int MaxQueryLength = 100;

    public const int MaxWords = 8;

    // Field weights are whole numbers: postings keep them as floats (see Posting), exactly.
    private const double TitleWeight = 10;
    private const double SkillWeight = 4;
    private const double SectorWeight = 3;
    private const double TextWeight = 2;
    private const double PrefixQuality = 0.7;
    private const double OneEditQuality = 0.6;
    private const double TwoEditsQuality = 0.4;

    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "am", "an", "and", "are", "as", "at", "be", "become", "becoming", "by", "can", "do", "for", "from", "how", "i", "im",
        "in", "into", "is", "it", "me", "my", "of", "on", "or", "the", "to", "want", "what", "with", "you", "your",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly ImmutableArray<Document> _documents;

    /// <summary>Each indexed word: for every document holding it, the weight of the best field it is in.</summary>
    private readonly FrozenDictionary<string, ImmutableArray<Posting>> _postings;

    /// <summary>The indexed words by length, for typo matching.</summary>
    private readonly FrozenDictionary<int, ImmutableArray<string>> _wordsByLength;

    /// <summary>How an indexed stem was written in the content (the shortest form), to show corrections.</summary>
    private readonly FrozenDictionary<string, string> _surface;

    private SearchIndex(ImmutableArray<Document> documents)
    {
        _documents = documents;
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Length; i++)
        {
            var document = documents[i];
            for (var t = 0; t < document.Terms.Length; t++)
            {
                var (stem, weight) = document.Terms[t];
                if (!postings.TryGetValue(stem, out var byDocument))
                {
                    postings[stem] = byDocument = [];
                }

                // Each document lists a stem once, and documents are visited in order: postings come out sorted.
                byDocument.Add(new Posting(i, weight));
                var word = document.WordOf(t);
                if (!surface.TryGetValue(stem, out var written) || IsBetterSurface(word, written))
                {
                    surface[stem] = word;
                }
            }
        }

        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
        _wordsByLength = postings.Keys
            .GroupBy(w => w.Length)
            .ToFrozenDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToImmutableArray());
        _surface = surface.ToFrozenDictionary(StringComparer.Ordinal);
        _byItem = documents.ToDictionary(d => (object?)d.Guide ?? d.Role!, ReferenceEqualityComparer.Instance);
    }

    /// <summary>Each document by the guide or role it indexes, for the next build to reuse.</summary>
    private readonly Dictionary<object, Document> _byItem;

    /// <summary>An index with nothing in it.</summary>
    public static SearchIndex Empty { get; } = new([]);

    /// <summary>How many guides and roles are indexed.</summary>
    public int Count => _documents.Length;

    /// <summary>Indexes the guides and roles a snapshot serves.</summary>
    /// <param name="guides">The guides to index.</param>
    /// <param name="roles">The roles to index.</param>
    /// <param name="previous">
    /// The index of the previous snapshot, if any: a guide or role it already indexed (the same object, so unchanged)
    /// is not tokenised again, so a reload after one save tokenises one guide.
    /// </param>
    public static SearchIndex Build(IEnumerable<Guide> guides, IEnumerable<Role> roles, SearchIndex? previous = null)
    {
        ArgumentNullException.ThrowIfNull(guides);
        ArgumentNullException.ThrowIfNull(roles);
        var reuse = previous?._byItem;
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        if (previous is not null)
        {
            foreach (var word in previous._surface.Keys.Concat(previous._surface.Values))
            {
                words.TryAdd(word, word);
            }
        }

        var documents = guides.Select(g => reuse?.GetValueOrDefault(g) ?? Document.Create(
                SearchKind.Guide, g.Title, g.Url, g.Summary, g, null,
                [
                    (g.Title, TitleWeight),
                    (string.Join(' ', g.TransferableSkills.Select(s => s.Skill).Concat(g.SkillsToBuild.Select(s => s.Skill))), SkillWeight),
                    ($"{g.From.Sector} {g.To.Sector}", SectorWeight),
                    (g.Summary, TextWeight),
                ],
                words))
            .Concat(roles.Select(r => reuse?.GetValueOrDefault(r) ?? Document.Create(
                SearchKind.Role, r.Title, r.Url, r.Summary, null, r,
                [
                    (r.Title, TitleWeight),
                    (r.Sector, SectorWeight),
                    (r.Summary, TextWeight),
                    (string.Join(' ', r.TypicalDay.Select(d => d.Activity)), TextWeight),
                ],
                words)));
        return new SearchIndex([.. documents]);
    }

    /// <summary>The shortest way a stem was written wins, then the first in ordinal order.</summary>
    private static bool IsBetterSurface(string word, string written) =>
        word.Length < written.Length || (word.Length == written.Length && string.CompareOrdinal(word, written) < 0);

    /// <summary>Runs a query: results best first (empty for a blank query or when nothing matches).</summary>
    public SearchResults Search(string? query)
    {
        var trimmed = (query ?? "").Trim();
        if (trimmed.Length > MaxQueryLength)
        {
            trimmed = trimmed[..MaxQueryLength].TrimEnd();
        }

        var words = Words(trimmed).Select(Stem).Distinct(StringComparer.Ordinal).ToList();
        var meaningful = words.Where(w => !StopWords.Contains(w)).ToList();
        var terms = (meaningful.Count > 0 ? meaningful : words).Take(MaxWords).ToArray();
        if (terms.Length == 0)
        {
            return new SearchResults(trimmed, [], []);
        }

        var scores = new double[_documents.Length];
        var matchedWords = new HashSet<string>(StringComparer.Ordinal);
        var matched = new int[_documents.Length];
        var corrections = new List<string>();
        foreach (var term in terms)
        {
            var best = new Dictionary<int, double>();
            foreach (var (word, quality) in Matches(term, corrections))
            {
                matchedWords.Add(word);
                foreach (var (document, weight) in _postings[word])
                {
                    best[document] = Math.Max(best.GetValueOrDefault(document), quality * weight);
                }
            }

            foreach (var (document, score) in best)
            {
                scores[document] += score;
                matched[document]++;
            }
        }

        var hits = Enumerable.Range(0, _documents.Length)
            .Where(i => matched[i] > 0)
            .Select(i =>
            {
                var document = _documents[i];
                var named = document.TitleWords.Count(matchedWords.Contains);
                var bonus = document.TitleWords.Length == 0 ? 0 : TitleWeight * named / document.TitleWords.Length;
                return (Matched: matched[i], Hit: new SearchHit(document.Kind, document.Title, document.Url, document.Summary, document.Guide, document.Role, scores[i] + bonus));
            })
            .OrderByDescending(h => h.Matched)
            .ThenByDescending(h => h.Hit.Score)
            .ThenBy(h => h.Hit.Title, StringComparer.Ordinal)
            .ThenBy(h => h.Hit.Kind)
            .Select(h => h.Hit);
        return new SearchResults(trimmed, [.. hits], [.. corrections.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The indexed words a query word matches, with how well; typo matches are noted as corrections.</summary>
    private List<(string Word, double Quality)> Matches(string term, List<string> corrections)
    {
        var matches = new List<(string, double)>();
        if (_postings.ContainsKey(term))
        {
            matches.Add((term, 1.0));
        }

        if (term.Length >= 3)
        {
            matches.AddRange(_wordsByLength
                .Where(g => g.Key > term.Length)
                .SelectMany(g => g.Value)
                .Where(w => w.StartsWith(term, StringComparison.Ordinal))
                .Select(w => (w, PrefixQuality)));
        }

        if (matches.Count > 0)
        {
            return matches;
        }

        var allowed = term.Length >= 8 ? 2 : term.Length >= 4 ? 1 : 0;
        for (var length = term.Length - allowed; length <= term.Length + allowed; length++)
        {
            foreach (var word in _wordsByLength.GetValueOrDefault(length, []))
            {
                var distance = EditDistance(term, word, allowed);
                if (distance <= allowed)
                {
                    matches.Add((word, distance == 1 ? OneEditQuality : TwoEditsQuality));
                }
            }
        }

        // The closest words are the correction shown; equally close ones are all used.
        if (matches.Count > 0)
        {
            var closest = matches.Max(m => m.Item2);
            corrections.AddRange(matches.Where(m => m.Item2 == closest).Select(m => _surface[m.Item1]).Order(StringComparer.Ordinal));
        }

        return matches;
    }

    /// <summary>Lower-case runs of letters and digits ("Node.js" gives "node", "js"; apostrophes are dropped: "pupils'" gives "pupils").</summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                continue;
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>
    /// A light English stemmer for plurals, applied to indexed and query words alike: "salaries" gives "salary",
    /// "classes" "class", "coaches" "coach", "teachers" "teacher"; words in -ss, -us and -is, and short words, are kept.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal)
            ? word[..^1]
            : word;
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours is one edit), or more than <paramref name="limit"/> once it cannot be within it.</summary>
    public static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// A document holding a word, with the weight of the best field it is in. The weight is a float: field weights
    /// are small whole numbers, exact in a float and so in the double a query scores with, and an entry of 8 bytes
    /// rather than 16 halved the postings of 10,000 guides (5.4 MB to 2.8 MB).
    /// </summary>
    private readonly record struct Posting(int Document, float Weight);

    /// <summary>A stem a document holds, with the weight of the best field it is in (a float, as in <see cref="Posting"/>).</summary>
    private readonly record struct Term(string Stem, float Weight);

    /// <summary>
    /// A guide or role as indexed: each stem it holds once, with the weight of the best field it is in; how it writes
    /// the stems it writes otherwise; and its title's words, stemmed, without common words (for the title bonus).
    /// </summary>
    /// <remarks>
    /// <para>Most stems are written as themselves, so only the others' spellings are kept: <c>Spellings[k]</c> is how
    /// the document writes <c>Terms[k]</c> (the shortest way, for showing corrections), and the terms written otherwise
    /// come first. A term of 16 bytes and a few spellings, rather than 24 bytes a term, saved 10,000 guides' index 1.9
    /// MB.</para>
    /// <para>The title's words are an array, not a set: a title has a handful of words, and a frozen set per document
    /// cost 10,000 guides 1.6 MB more.</para>
    /// </remarks>
    private sealed record Document(
        SearchKind Kind, string Title, string Url, string Summary, Guide? Guide, Role? Role,
        ImmutableArray<Term> Terms, ImmutableArray<string> Spellings, ImmutableArray<string> TitleWords)
    {
        /// <summary>How the document writes its term <paramref name="index"/>.</summary>
        public string WordOf(int index) => index < Spellings.Length ? Spellings[index] : Terms[index].Stem;

        /// <summary>Tokenises the fields; <paramref name="pool"/> shares one string per distinct word between documents.</summary>
        public static Document Create(
            SearchKind kind, string title, string url, string summary, Guide? guide, Role? role,
            (string Text, double Weight)[] fields, Dictionary<string, string> pool)
        {
            var terms = new Dictionary<string, (string Word, double Weight)>(StringComparer.Ordinal);
            foreach (var (text, weight) in fields)
            {
                foreach (var word in Words(text))
                {
                    var stem = Shared(pool, Stem(word));
                    if (!terms.TryGetValue(stem, out var best))
                    {
                        terms[stem] = (Shared(pool, word), weight);
                    }
                    else
                    {
                        terms[stem] = (IsBetterSurface(word, best.Word) ? Shared(pool, word) : best.Word, Math.Max(best.Weight, weight));
                    }
                }
            }

            // The title is one of the fields, so its stems are in the pool already: the document holds no copies.
            ImmutableArray<string> titleWords = [.. Words(title).Select(Stem).Where(w => !StopWords.Contains(w)).Distinct(StringComparer.Ordinal).Select(w => Shared(pool, w))];
            var writtenOtherwise = terms.Where(t => t.Value.Word != t.Key).ToArray();
            return new Document(
                kind, title, url, summary, guide, role,
                [.. writtenOtherwise.Concat(terms.Where(t => t.Value.Word == t.Key)).Select(t => new Term(t.Key, (float)t.Value.Weight))],
                [.. writtenOtherwise.Select(t => t.Value.Word)],
                titleWords);
        }

        private static string Shared(Dictionary<string, string> pool, string word)
        {
            if (pool.TryGetValue(word, out var shared))
            {
                return shared;
            }

            pool[word] = word;
            return word;
        }
    }
}
