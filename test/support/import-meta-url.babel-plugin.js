// Compiling an ES module to CommonJS leaves `import.meta` invalid. Packages here use
// `import.meta.url`, often as `const require = createRequire(import.meta.url)`, which shadows
// `require` (so the replacement must not call it), `dirname`, `filename` and `resolve(name)`.
module.exports = function importMeta({ types: t }) {
  const replacements = {
    url: () => t.binaryExpression('+', t.stringLiteral('file://'), t.identifier('__filename')),
    dirname: () => t.identifier('__dirname'),
    filename: () => t.identifier('__filename'),
    resolve: () => t.memberExpression(t.identifier('require'), t.identifier('resolve')),
  };
  return {
    visitor: {
      MetaProperty(path) {
        const member = path.parentPath;
        if (!member.isMemberExpression() || !t.isIdentifier(member.node.property)) return;
        const replacement = replacements[member.node.property.name];
        if (replacement) member.replaceWith(replacement());
      },
    },
  };
};
