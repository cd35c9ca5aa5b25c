import { describe, expect, it } from 'vitest';
import { splitShellWords } from '../../shared/process/shell-words.js';
import { UsageError } from '../../shared/errors/index.js';

describe('splitShellWords', () => {
  it.each([
    ['python train.py', ['python', 'train.py']],
    ['  python   train.py\t--lr 0.1  ', ['python', 'train.py', '--lr', '0.1']],
    [`python train.py --name 'my model' --tag "a b"`, ['python', 'train.py', '--name', 'my model', '--tag', 'a b']],
    [`echo 'it'"'"'s'`, ['echo', "it's"]],
    [`echo "say \\"hi\\" \\\\ \\$5 \\x"`, ['echo', 'say "hi" \\ $5 \\x']],
    [`echo a\\ b c\\'d`, ['echo', 'a b', "c'd"]],
    [`echo '' ""`, ['echo', '', '']],
    ['python train.py \\\n  --epochs 3', ['python', 'train.py', '--epochs', '3']],
    ['python train.py \\\r\n  --epochs 3', ['python', 'train.py', '--epochs', '3']],
    ['# train the model\npython train.py # fast\n', ['python', 'train.py']],
    ['echo a#b', ['echo', 'a#b']],
    [`echo '$HOME | ; && \`x\`'`, ['echo', '$HOME | ; && `x`']],
    ['python train.py data/*.csv ~/x', ['python', 'train.py', 'data/*.csv', '~/x']],
    ['echo $ "cost: $"', ['echo', '$', 'cost: $']],
  ])('splits %j', (text, words) => {
    expect(splitShellWords(text)).toEqual(words);
  });

  it.each([
    ['python train.py | tee log', "input 'command': '|' is shell syntax, but the command runs without a shell"],
    ['make && python train.py', "'&' is shell syntax"],
    ['python train.py > log', "'>' is shell syntax"],
    ['python train.py; echo done', "';' is shell syntax"],
    ['python train.py --lr $LR', "'$' would expand a variable"],
    ['python train.py --lr "${LR}"', "'$' would expand a variable"],
    ['python `which train`', 'backticks would run a command'],
    [`python 'train.py`, 'unterminated single quote at line 1, column 8'],
    [`python\n"train.py`, 'unterminated double quote at line 2, column 1'],
    ['python train.py \\', 'a backslash at the end escapes nothing'],
    ['   ', 'holds no command'],
    ['# only a comment', 'holds no command'],
  ])('refuses %j', (text, message) => {
    expect(() => splitShellWords(text)).toThrow(UsageError);
    expect(() => splitShellWords(text)).toThrow(message);
  });
});
