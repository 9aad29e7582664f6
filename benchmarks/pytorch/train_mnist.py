"""The articles' MNIST experiment in PyTorch, timed per epoch, for side-by-side comparison with L1Lab.

Same model (784-256-10, ReLU), data (the repository's data/mnist, pixels scaled to [0, 1]), batch size 32,
SGD with lr 0.01, a fresh shuffle every epoch, the last short batch kept, and L1 on weight matrices only.
Each step reads the loss back (``loss.item()``), as L1Lab's trainer does to catch divergence.
Prints CSV rows: framework,mode,epoch,seconds,held_out_accuracy (seconds = training steps only; the loop is
training.py's, shared with train_cnn.py).

Usage: /usr/bin/python3 benchmarks/pytorch/train_mnist.py [--epochs N] [--mode none|penalty|proximal] [--lambda L]
"""
import argparse
import gzip
import os
import pathlib

import numpy as np
import torch

from training import train


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder, prefix):
    images = read_idx(folder / f"{prefix}-images-idx3-ubyte.gz")
    labels = read_idx(folder / f"{prefix}-labels-idx1-ubyte.gz")
    x = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / 255.0)
    return x, torch.from_numpy(labels.astype(np.int64))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--mode", choices=["none", "penalty", "proximal"], default="none")
    parser.add_argument("--lambda", dest="lam", type=float, default=0.01)
    parser.add_argument("--threads", type=int, default=os.cpu_count(),
                        help="intra-op threads (default: all cores, as TorchSharp uses)")
    parser.add_argument("--data", default=str(pathlib.Path(__file__).resolve().parents[2] / "data" / "mnist"))
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    folder = pathlib.Path(args.data)
    train_x, train_y = load(folder, "train")
    test_x, test_y = load(folder, "t10k")

    torch.manual_seed(42)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    train(model, train_x, train_y, test_x, test_y, epochs=args.epochs, mode=args.mode, lam=args.lam, lr=0.01, batch=32)


if __name__ == "__main__":
    main()
