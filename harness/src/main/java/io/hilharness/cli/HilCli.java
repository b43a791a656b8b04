package io.hilharness.cli;

public final class HilCli {
    public static void main(String[] args) {
        System.out.println("hil");
    }
}
