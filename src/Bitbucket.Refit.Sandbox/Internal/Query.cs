using System.Text;
using Microsoft.AspNetCore.Http;

namespace Bitbucket.Sandbox.Internal;

/// <summary>An invalid <c>q</c> filter; answered with 400.</summary>
internal sealed class QueryException(string message) : Exception(message);

/// <summary>
/// A small subset of Bitbucket's query language for <c>q</c>: comparisons <c>field = "value"</c>, <c>!=</c>,
/// <c>~</c> (contains, case-insensitive) and <c>!~</c>, joined by <c>AND</c> and <c>OR</c> (AND binds tighter),
/// with quoted strings, <c>true</c>, <c>false</c>, <c>null</c> and numbers as values.
/// </summary>
internal static class Query
{
    public static IEnumerable<T> Filter<T>(IEnumerable<T> items, HttpContext context, IReadOnlyDictionary<string, Func<T, string?>> fields)
    {
        var q = context.Request.Query["q"].ToString();
        if (string.IsNullOrWhiteSpace(q))
        {
            return items;
        }

        var predicate = Parse(q, fields);
        return items.Where(predicate).ToList();
    }

    private static Func<T, bool> Parse<T>(string q, IReadOnlyDictionary<string, Func<T, string?>> fields)
    {
        var tokens = Tokenize(q);
        var position = 0;
        var alternatives = new List<List<Func<T, bool>>> { new() };
        while (position < tokens.Count)
        {
            if (tokens.Count - position < 3)
            {
                throw new QueryException($"Invalid query '{q}': expected field, operator and value.");
            }

            var field = tokens[position++];
            var op = tokens[position++];
            var value = tokens[position++];
            if (!fields.TryGetValue(field, out var accessor))
            {
                throw new QueryException($"Invalid field name '{field}' in query.");
            }

            var text = value.StartsWith('"') ? value[1..^1] : value == "null" ? null : value;
            Func<T, bool> comparison = op switch
            {
                "=" => item => string.Equals(accessor(item), text, StringComparison.Ordinal),
                "!=" => item => !string.Equals(accessor(item), text, StringComparison.Ordinal),
                "~" => item => text is not null && (accessor(item) ?? string.Empty).Contains(text, StringComparison.OrdinalIgnoreCase),
                "!~" => item => text is null || !(accessor(item) ?? string.Empty).Contains(text, StringComparison.OrdinalIgnoreCase),
                _ => throw new QueryException($"Unsupported operator '{op}' in query."),
            };
            alternatives[^1].Add(comparison);
            if (position < tokens.Count)
            {
                var joiner = tokens[position++].ToUpperInvariant();
                if (joiner == "OR")
                {
                    alternatives.Add([]);
                }
                else if (joiner != "AND")
                {
                    throw new QueryException($"Expected AND or OR in query, found '{joiner}'.");
                }
            }
        }

        return item => alternatives.Any(all => all.Count > 0 && all.All(c => c(item)));
    }

    private static List<string> Tokenize(string q)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < q.Length)
        {
            var c = q[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var sb = new StringBuilder("\"");
                i++;
                while (i < q.Length && q[i] != '"')
                {
                    if (q[i] == '\\' && i + 1 < q.Length)
                    {
                        i++;
                    }

                    sb.Append(q[i++]);
                }

                if (i >= q.Length)
                {
                    throw new QueryException("Unterminated string in query.");
                }

                i++;
                tokens.Add(sb.Append('"').ToString());
            }
            else if (c is '=' or '~')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '!' && i + 1 < q.Length && q[i + 1] is '=' or '~')
            {
                tokens.Add(q.Substring(i, 2));
                i += 2;
            }
            else
            {
                var start = i;
                while (i < q.Length && !char.IsWhiteSpace(q[i]) && q[i] is not '=' and not '~' and not '!' and not '"')
                {
                    i++;
                }

                if (start == i)
                {
                    throw new QueryException($"Unexpected '{c}' in query.");
                }

                tokens.Add(q[start..i]);
            }
        }

        return tokens;
    }
}
